package dev.berth.builder.dockerfile;

import java.util.Objects;

/**
 * One pair of {@code ENV} or {@code LABEL}, as written: the value is raw (quotes and {@code $VAR} still in it) until
 * the engine expands it with {@link Substitution}.
 */
public record KeyValue(String key, String value) {
    public KeyValue {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
