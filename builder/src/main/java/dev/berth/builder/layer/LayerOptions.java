package dev.berth.builder.layer;

import java.time.Instant;
import java.util.Optional;

/**
 * How a layer is written.
 *
 * @param sourceDateEpoch when present, every timestamp later than it is clamped to it ({@code SOURCE_DATE_EPOCH})
 * @param compression {@link Compression#GZIP} (the default) or {@link Compression#NONE}
 * @param level the deflate level, 1 (fastest) to 9 (smallest)
 */
public record LayerOptions(Optional<Instant> sourceDateEpoch, Compression compression, int level) {
    public static final int DEFAULT_LEVEL = 6;

    public LayerOptions {
        if (compression != Compression.GZIP && compression != Compression.NONE) {
            throw new IllegalArgumentException("layers are written with gzip or no compression, not " + compression);
        }
        if (level < 1 || level > 9) {
            throw new IllegalArgumentException("deflate level must be 1 to 9: " + level);
        }
    }

    /** Gzip at the default level, timestamps as they are. */
    public static LayerOptions defaults() {
        return new LayerOptions(Optional.empty(), Compression.GZIP, DEFAULT_LEVEL);
    }

    /** These options with timestamps clamped to the given moment. */
    public LayerOptions withSourceDateEpoch(Instant epoch) {
        return new LayerOptions(Optional.of(epoch), compression, level);
    }
}
