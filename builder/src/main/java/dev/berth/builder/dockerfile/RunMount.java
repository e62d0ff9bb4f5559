package dev.berth.builder.dockerfile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code RUN --mount=...} option, split into its comma-separated fields ({@code type=cache,target=/root/.cache}).
 * A field given without a value ({@code readonly}) maps to the empty string. The accessors know Docker's aliases
 * ({@code dst}, {@code destination}; {@code src}); the engine interprets the rest.
 *
 * @param text the option as written, after {@code --mount=}
 * @param fields the fields in their order, keys lower-cased
 */
public record RunMount(String text, Map<String, String> fields) {
    public RunMount {
        Objects.requireNonNull(text, "text");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** {@code bind} (the default), {@code cache}, {@code tmpfs}, {@code secret} or {@code ssh}. */
    public String type() {
        return field("type").orElse("bind");
    }

    /** The stage or image a {@code bind} or {@code cache} mount reads from ({@code from=builder}). */
    public Optional<String> from() {
        return field("from");
    }

    public Optional<String> target() {
        return field("target").or(() -> field("dst")).or(() -> field("destination"));
    }

    public Optional<String> source() {
        return field("source").or(() -> field("src"));
    }

    public Optional<String> field(String key) {
        return Optional.ofNullable(fields.get(key));
    }
}
