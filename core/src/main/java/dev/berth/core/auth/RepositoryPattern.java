package dev.berth.core.auth;

/** Repository patterns of scope maps and role assignments: {@code *}, an exact name, or a prefix ending in /*. */
public final class RepositoryPattern {
    private RepositoryPattern() {}

    public static boolean matches(String pattern, String repository) {
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.endsWith("/*")) {
            return repository.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(repository);
    }

    public static boolean isValid(String pattern) {
        if (pattern.equals("*")) {
            return true;
        }
        String name = pattern.endsWith("/*") ? pattern.substring(0, pattern.length() - 2) : pattern;
        return dev.berth.core.oci.RepositoryName.isValid(name);
    }
}
