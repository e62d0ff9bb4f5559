package dev.berth.http.acr;

import dev.berth.core.auth.AccessScope;
import dev.berth.core.auth.Actions;
import java.util.Optional;

/**
 * The scope each request of the metadata API needs, as ACR has them: reading needs {@code metadata_read} on the
 * repository, changing attributes {@code metadata_write}, deleting {@code delete}; the catalog needs {@code
 * registry:catalog:*}, as {@code /v2/_catalog} does.
 */
final class AcrScopes {
    private AcrScopes() {}

    static Optional<AccessScope> needed(AcrRoute route, String method) {
        if (route.kind() == AcrRoute.Kind.CATALOG) {
            return Optional.of(AccessScope.catalog());
        }
        String action =
                switch (method) {
                    case "PATCH" -> Actions.METADATA_WRITE;
                    case "DELETE" -> Actions.DELETE;
                    default -> Actions.METADATA_READ;
                };
        return Optional.of(AccessScope.repository(route.name().value(), action));
    }
}
