package dev.berth.core.installation;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** ACR's rule for registry names: 5 to 50 letters and digits. Berth keeps them in lower case. */
public final class RegistryNames {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]{5,50}");

    private RegistryNames() {}

    /** Why the name is not a registry name, or empty when it is one. */
    public static Optional<String> problem(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.of("a registry name is 5 to 50 letters and digits");
        }
        return Optional.empty();
    }

    /** The name in lower case, or {@link dev.berth.core.error.ErrorCode#INVALID_REQUEST}. */
    public static String normalize(String name) {
        Optional<String> problem = problem(name);
        if (problem.isPresent()) {
            String shown = name == null ? "null" : name.length() > 60 ? name.substring(0, 60) + "..." : name;
            throw Problems.invalid(problem.get() + ": '" + shown + "'");
        }
        return name.toLowerCase(Locale.ROOT);
    }
}
