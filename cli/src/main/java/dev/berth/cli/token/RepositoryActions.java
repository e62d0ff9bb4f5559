package dev.berth.cli.token;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The scope-map actions {@code --repository REPOSITORY ACTION...} gives, as {@code az acr} takes them: each
 * occurrence is a repository (a name, {@code prefix/*}, or {@code *}) followed by one or more of {@code content/read},
 * {@code content/write}, {@code content/delete}, {@code metadata/read}, {@code metadata/write}. Picocli hands over all
 * occurrences as one list; an item that is an action belongs to the repository before it.
 */
final class RepositoryActions {
    static final Set<String> ACTIONS =
            Set.of("content/read", "content/write", "content/delete", "metadata/read", "metadata/write");

    private RepositoryActions() {}

    /** {@code repositories/<repository>/<action>}, in order, without duplicates. */
    static List<String> parse(List<String> values) {
        Set<String> actions = new LinkedHashSet<>();
        String repository = null;
        boolean hasAction = true;
        for (String value : values) {
            if (ACTIONS.contains(value)) {
                if (repository == null) {
                    throw new IllegalArgumentException("'" + value + "' comes before any repository");
                }
                actions.add("repositories/" + repository + "/" + value);
                hasAction = true;
            } else {
                if (!hasAction) {
                    throw new IllegalArgumentException(missing(repository));
                }
                repository = value;
                hasAction = false;
            }
        }
        if (!hasAction) {
            throw new IllegalArgumentException(missing(repository));
        }
        return new ArrayList<>(actions);
    }

    private static String missing(String repository) {
        return "repository '" + repository + "' has no action: give one or more of " + String.join(", ", sorted());
    }

    private static List<String> sorted() {
        return ACTIONS.stream().sorted().toList();
    }
}
