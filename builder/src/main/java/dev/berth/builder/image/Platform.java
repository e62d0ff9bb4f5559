package dev.berth.builder.image;

import dev.berth.core.oci.Descriptor;
import java.util.Locale;
import java.util.Objects;

/**
 * A build platform, {@code os/architecture[/variant]} as {@code --platform} writes it.
 *
 * @param variant the CPU variant, or empty
 */
public record Platform(String os, String architecture, String variant) {
    public Platform {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(architecture, "architecture");
        variant = variant == null ? "" : variant;
    }

    /** Parses {@code linux/amd64} or {@code linux/arm64/v8}. */
    public static Platform parse(String text) {
        String[] parts = text == null
                ? new String[0]
                : text.trim().toLowerCase(Locale.ROOT).split("/", -1);
        if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new IllegalArgumentException("invalid platform \"" + text + "\": expected os/architecture[/variant]");
        }
        return new Platform(parts[0], normalizeArchitecture(parts[1]), parts.length == 3 ? parts[2] : "");
    }

    /** The platform of the machine the builder runs on; RUN steps execute natively, so this is the default. */
    public static Platform host() {
        return new Platform("linux", normalizeArchitecture(System.getProperty("os.arch")), "");
    }

    /** Whether an index entry is for this platform; an entry without a variant matches any variant. */
    public boolean matches(Descriptor.Platform candidate) {
        if (candidate == null) {
            return false;
        }
        boolean variantFits = variant.isEmpty()
                || candidate.variant() == null
                || candidate.variant().isEmpty()
                || variant.equals(candidate.variant());
        return os.equals(candidate.os())
                && architecture.equals(normalizeArchitecture(candidate.architecture()))
                && variantFits;
    }

    @Override
    public String toString() {
        return os + "/" + architecture + (variant.isEmpty() ? "" : "/" + variant);
    }

    private static String normalizeArchitecture(String architecture) {
        return switch (architecture.toLowerCase(Locale.ROOT)) {
            case "x86_64", "x86-64" -> "amd64";
            case "aarch64" -> "arm64";
            default -> architecture.toLowerCase(Locale.ROOT);
        };
    }
}
