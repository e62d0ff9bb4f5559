package dev.berth.core.auth;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registry's scope map, as ACR has them: a list of actions {@code repositories/<pattern>/<action>}, where the
 * pattern is a repository name, a prefix ending in {@code /*}, or {@code *}, and the action one of
 * {@code content/read} (pull), {@code content/write} (push, with read), {@code content/delete},
 * {@code metadata/read} and {@code metadata/write}. Matching entries add up. Three system maps exist in every
 * registry: {@code _repositories_admin}, {@code _repositories_pull} and {@code _repositories_push}.
 */
public record ScopeMap(String name, String description, List<String> actions) {
    private static final Pattern ACTION = Pattern.compile(
            "repositories/(.+)/(content/read|content/write|content/delete|metadata/read|metadata/write)");

    private static final Map<String, Set<String>> DATA_PLANE = Map.of(
            "content/read", Set.of(Actions.PULL),
            "content/write", Set.of(Actions.PULL, Actions.PUSH),
            "content/delete", Set.of(Actions.DELETE),
            "metadata/read", Set.of(Actions.METADATA_READ),
            "metadata/write", Set.of(Actions.METADATA_WRITE));

    public static final List<ScopeMap> SYSTEM = List.of(
            new ScopeMap(
                    "_repositories_admin",
                    "Can perform all read, write and delete operations on the registry",
                    List.of(
                            "repositories/*/content/read",
                            "repositories/*/content/write",
                            "repositories/*/content/delete",
                            "repositories/*/metadata/read",
                            "repositories/*/metadata/write")),
            new ScopeMap(
                    "_repositories_pull",
                    "Can pull any repository of the registry",
                    List.of("repositories/*/content/read")),
            new ScopeMap(
                    "_repositories_push",
                    "Can push to any repository of the registry",
                    List.of("repositories/*/content/read", "repositories/*/content/write")));

    public ScopeMap {
        actions = List.copyOf(actions);
        for (String action : actions) {
            Matcher m = ACTION.matcher(action);
            if (!m.matches() || !RepositoryPattern.isValid(m.group(1))) {
                throw new IllegalArgumentException("not a scope map action: " + action
                        + " (repositories/<name, prefix/* or *>/<content|metadata>/<read|write|delete>)");
            }
        }
    }

    /** The data-plane actions the map gives on a repository. */
    public Set<String> actionsOn(String repository) {
        Set<String> granted = new LinkedHashSet<>();
        for (String action : actions) {
            Matcher m = ACTION.matcher(action);
            if (m.matches() && RepositoryPattern.matches(m.group(1), repository)) {
                granted.addAll(DATA_PLANE.get(m.group(2)));
            }
        }
        return granted;
    }

    public static java.util.Optional<ScopeMap> system(String name) {
        return SYSTEM.stream().filter(map -> map.name().equals(name)).findFirst();
    }
}
