package dev.berth.core.oci;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import java.util.regex.Pattern;

/**
 * A repository name by the OCI distribution grammar: lower-case path components separated by slashes, each made of
 * alphanumerics joined by {@code .}, {@code _}, {@code __} or runs of {@code -}. At most 255 characters.
 */
public record RepositoryName(String value) implements Comparable<RepositoryName> {
    public static final int MAX_LENGTH = 255;
    private static final Pattern GRAMMAR =
            Pattern.compile("[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*)*");

    public RepositoryName {
        if (!isValid(value)) {
            throw new RegistryException(ErrorCode.NAME_INVALID, "invalid repository name: " + Digest.truncate(value));
        }
    }

    public static boolean isValid(String value) {
        return value != null
                && !value.isEmpty()
                && value.length() <= MAX_LENGTH
                && GRAMMAR.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }

    @Override
    public int compareTo(RepositoryName other) {
        return value.compareTo(other.value);
    }
}
