package dev.berth.cli.token;

import dev.berth.cli.api.ApiPath;
import dev.berth.cli.command.Choice;

/** Paths under {@code /api/registries/{r}} for tokens and scope maps, and look-ups the commands share. */
final class TokenPaths {
    private TokenPaths() {}

    static ApiPath registry(String registry) {
        return ApiPath.of("api", "registries", registry);
    }

    static ApiPath tokens(String registry) {
        return registry(registry).add("tokens");
    }

    static ApiPath token(String registry, String name) {
        return tokens(registry).add(name);
    }

    static ApiPath scopeMaps(String registry) {
        return registry(registry).add("scopeMaps");
    }

    static ApiPath scopeMap(String registry, String name) {
        return scopeMaps(registry).add(name);
    }

    /** {@code --status}. */
    static final class Status extends Choice {
        Status() {
            super("enabled", "disabled");
        }
    }
}
