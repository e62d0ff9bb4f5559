package dev.berth.core.auth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One entry of Docker token authentication's {@code scope}: a resource type, its name and the actions asked for or
 * granted, as in {@code repository:library/app:pull,push} or {@code registry:catalog:*}.
 */
public record AccessScope(String type, String name, Set<String> actions) {
    public static final String REPOSITORY = "repository";
    public static final String REGISTRY = "registry";
    public static final String CATALOG = "catalog";
    public static final String ALL = "*";

    private static final Pattern SEPARATOR = Pattern.compile("[ ]+");

    public AccessScope {
        actions = Set.copyOf(actions);
    }

    /** The scope a catalog listing needs. */
    public static AccessScope catalog() {
        return new AccessScope(REGISTRY, CATALOG, Set.of(ALL));
    }

    public static AccessScope repository(String name, String... actions) {
        return new AccessScope(REPOSITORY, name, new LinkedHashSet<>(Arrays.asList(actions)));
    }

    /**
     * Parses one or more space-separated scopes, as the {@code scope} parameter carries them; malformed entries are
     * skipped, as token servers do.
     */
    public static List<AccessScope> parseAll(String text) {
        List<AccessScope> scopes = new ArrayList<>();
        if (text == null) {
            return scopes;
        }
        for (String one : SEPARATOR.split(text.trim())) {
            int first = one.indexOf(':');
            int last = one.lastIndexOf(':');
            if (first <= 0 || last == first || last == one.length() - 1) {
                continue;
            }
            Set<String> actions =
                    new LinkedHashSet<>(Arrays.asList(one.substring(last + 1).split(",")));
            actions.removeIf(String::isBlank);
            scopes.add(new AccessScope(one.substring(0, first), one.substring(first + 1, last), actions));
        }
        return scopes;
    }

    /** Whether these actions include the one asked for ({@code *} includes all). */
    public boolean allows(String action) {
        return actions.contains(action) || actions.contains(ALL);
    }

    @Override
    public String toString() {
        return type + ":" + name + ":"
                + String.join(",", actions.stream().sorted().toList());
    }
}
