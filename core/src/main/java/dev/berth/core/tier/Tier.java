package dev.berth.core.tier;

import java.util.Locale;
import java.util.Optional;

/** The service tiers a registry can be on, named as Azure Container Registry names its SKUs. */
public enum Tier {
    BASIC("Basic"),
    STANDARD("Standard"),
    PREMIUM("Premium");

    private final String displayName;

    Tier(String displayName) {
        this.displayName = displayName;
    }

    /** The name on the wire: {@code Basic}, {@code Standard} or {@code Premium}. */
    public String displayName() {
        return displayName;
    }

    /** The tier of a name, case-insensitively; empty for anything else (ACR's retired {@code Classic} included). */
    public static Optional<Tier> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (Tier tier : values()) {
            if (tier.name().equals(name.toUpperCase(Locale.ROOT))) {
                return Optional.of(tier);
            }
        }
        return Optional.empty();
    }
}
