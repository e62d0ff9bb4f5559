package dev.berth.http.oci;

import dev.berth.core.auth.AccessScope;
import dev.berth.core.auth.Actions;
import dev.berth.core.throttle.RequestClass;
import java.util.Optional;

/**
 * The scope each request of the OCI API needs (reads need pull, writes push, deletes delete, the catalog its own),
 * and what it counts as for throttling.
 */
final class RouteScopes {
    private RouteScopes() {}

    /** The scope needed, or empty when any known caller may ask (the base endpoint). */
    static Optional<AccessScope> needed(Route route, String method) {
        return switch (route.kind()) {
            case BASE -> Optional.empty();
            case CATALOG -> Optional.of(AccessScope.catalog());
            case TAGS, REFERRERS -> repository(route, Actions.PULL);
            case UPLOADS, UPLOAD -> repository(route, Actions.PUSH);
            case MANIFEST -> repository(route, byMethod(method, Actions.PUSH));
            case BLOB -> repository(route, byMethod(method, Actions.PULL));
        };
    }

    /** The class of request the throttle counts it as: by method, except that referrers listings are their own. */
    static RequestClass counted(Route route, String method) {
        return route.kind() == Route.Kind.REFERRERS ? RequestClass.REFERRERS : RequestClass.ofMethod(method);
    }

    private static String byMethod(String method, String forPut) {
        return switch (method) {
            case "PUT" -> forPut;
            case "DELETE" -> Actions.DELETE;
            default -> Actions.PULL;
        };
    }

    private static Optional<AccessScope> repository(Route route, String action) {
        return Optional.of(AccessScope.repository(route.name().value(), action));
    }
}
