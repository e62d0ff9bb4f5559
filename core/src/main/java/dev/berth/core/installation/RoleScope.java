package dev.berth.core.installation;

import dev.berth.core.auth.RepositoryPattern;
import java.util.Optional;

/**
 * Where a role holds: {@code /} (the whole installation), {@code /registries/<r>} or
 * {@code /registries/<r>/repositories/<pattern>} (a repository name, a prefix ending in {@code /*}).
 *
 * @param registry empty for the installation
 * @param repositoryPattern {@code *} for the whole registry
 */
public record RoleScope(Optional<String> registry, String repositoryPattern) {
    public static final RoleScope INSTALLATION = new RoleScope(Optional.empty(), "*");

    public static RoleScope parse(String text) {
        if (text == null || text.equals("/") || text.isEmpty()) {
            return INSTALLATION;
        }
        String[] parts = text.split("/", 5);
        if (parts.length < 3 || !parts[0].isEmpty() || !parts[1].equals("registries")) {
            throw Problems.invalid("a scope is /, /registries/<name> or /registries/<name>/repositories/<pattern>");
        }
        String registry = RegistryNames.normalize(parts[2]);
        if (parts.length == 3) {
            return new RoleScope(Optional.of(registry), "*");
        }
        if (parts.length != 5 || !parts[3].equals("repositories") || !RepositoryPattern.isValid(parts[4])) {
            throw Problems.invalid("a repository scope is /registries/<name>/repositories/<name, prefix/* or *>");
        }
        return new RoleScope(Optional.of(registry), parts[4]);
    }

    public static RoleScope of(String registry, String repositoryPattern) {
        return new RoleScope(Optional.of(registry), repositoryPattern);
    }

    @Override
    public String toString() {
        if (registry.isEmpty()) {
            return "/";
        }
        String base = "/registries/" + registry.get();
        return repositoryPattern.equals("*") ? base : base + "/repositories/" + repositoryPattern;
    }
}
