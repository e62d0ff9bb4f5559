package dev.berth.core.oci;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import java.util.regex.Pattern;

/** A tag by the OCI distribution grammar: {@code [a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}}. */
public record Tag(String value) implements Comparable<Tag> {
    private static final Pattern GRAMMAR = Pattern.compile("[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}");

    public Tag {
        if (!isValid(value)) {
            throw new RegistryException(ErrorCode.TAG_INVALID, "invalid tag: " + Digest.truncate(value));
        }
    }

    public static boolean isValid(String value) {
        return value != null && GRAMMAR.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }

    @Override
    public int compareTo(Tag other) {
        return value.compareTo(other.value);
    }
}
