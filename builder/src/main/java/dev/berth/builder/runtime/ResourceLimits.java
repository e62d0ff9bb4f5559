package dev.berth.builder.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * What one run may use: processes at once, memory, CPU time (all processes together) and bytes written to disk. A
 * value of {@link #UNLIMITED} (or {@link #UNLIMITED_TIME}) means no limit. How the runtime enforces each depends on
 * the host (cgroups, rlimits, a watcher); see {@code docs/builder-runtime.md}.
 *
 * @param processes processes (and threads) alive at once
 * @param memoryBytes resident memory (page cache included, as cgroups count it)
 * @param cpuTime CPU time used by all the run's processes together
 * @param diskBytes bytes written to files
 */
public record ResourceLimits(long processes, long memoryBytes, Duration cpuTime, long diskBytes) {

    public static final long UNLIMITED = Long.MAX_VALUE;
    public static final Duration UNLIMITED_TIME = Duration.ofSeconds(Long.MAX_VALUE);

    public ResourceLimits {
        requirePositive("processes", processes);
        requirePositive("memory", memoryBytes);
        Objects.requireNonNull(cpuTime, "cpuTime");
        if (cpuTime.isNegative() || cpuTime.isZero()) {
            throw new IllegalArgumentException("the CPU time limit must be positive: " + cpuTime);
        }
        requirePositive("disk", diskBytes);
    }

    /** No limit on anything. */
    public static ResourceLimits none() {
        return new ResourceLimits(UNLIMITED, UNLIMITED, UNLIMITED_TIME, UNLIMITED);
    }

    public ResourceLimits withProcesses(long value) {
        return new ResourceLimits(value, memoryBytes, cpuTime, diskBytes);
    }

    public ResourceLimits withMemoryBytes(long value) {
        return new ResourceLimits(processes, value, cpuTime, diskBytes);
    }

    public ResourceLimits withCpuTime(Duration value) {
        return new ResourceLimits(processes, memoryBytes, value, diskBytes);
    }

    public ResourceLimits withDiskBytes(long value) {
        return new ResourceLimits(processes, memoryBytes, cpuTime, value);
    }

    /** Whether {@code limit} has a value here. */
    public boolean limits(Limit limit) {
        return switch (limit) {
            case PROCESSES -> processes != UNLIMITED;
            case MEMORY -> memoryBytes != UNLIMITED;
            case CPU_TIME -> !cpuTime.equals(UNLIMITED_TIME);
            case DISK -> diskBytes != UNLIMITED;
        };
    }

    /** The limit as a build log names it: {@code the memory limit (512 MiB)}. */
    public String describe(Limit limit) {
        String value =
                switch (limit) {
                    case PROCESSES -> Long.toString(processes);
                    case MEMORY -> Sizes.format(memoryBytes);
                    case CPU_TIME -> Sizes.format(cpuTime);
                    case DISK -> Sizes.format(diskBytes);
                };
        return "the " + limit.noun() + " limit (" + value + ")";
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("the " + name + " limit must be positive: " + value);
        }
    }
}
