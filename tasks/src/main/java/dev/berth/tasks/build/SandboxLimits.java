package dev.berth.tasks.build;

import dev.berth.builder.runtime.ResourceLimits;
import dev.berth.core.tier.Tier;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * What one build step or quick run of a registry may use, by the registry's tier. The defaults fit a small shared
 * machine; an installation sets its own under {@code sandbox.limits.<tier>} (see {@code berth-defaults.yml}).
 */
public final class SandboxLimits {
    private static final long GIB = 1L << 30;

    private final Map<Tier, ResourceLimits> limits;

    public SandboxLimits(Map<Tier, ResourceLimits> limits) {
        this.limits = new EnumMap<>(limits);
        for (Tier tier : Tier.values()) {
            if (!this.limits.containsKey(tier)) {
                throw new IllegalArgumentException("no sandbox limits for tier " + tier.displayName());
            }
        }
    }

    /** Basic: 512 processes, 2 GiB, 30 minutes of CPU, 10 GiB written; Standard and Premium more. */
    public static SandboxLimits defaults() {
        return new SandboxLimits(Map.of(
                Tier.BASIC, new ResourceLimits(512, 2 * GIB, Duration.ofMinutes(30), 10 * GIB),
                Tier.STANDARD, new ResourceLimits(1024, 4 * GIB, Duration.ofHours(1), 20 * GIB),
                Tier.PREMIUM, new ResourceLimits(4096, 8 * GIB, Duration.ofHours(2), 50 * GIB)));
    }

    public ResourceLimits of(Tier tier) {
        return limits.get(tier);
    }

    /** A copy with one tier's limits replaced. */
    public SandboxLimits with(Tier tier, ResourceLimits replacement) {
        Map<Tier, ResourceLimits> copy = new EnumMap<>(limits);
        copy.put(tier, replacement);
        return new SandboxLimits(copy);
    }
}
