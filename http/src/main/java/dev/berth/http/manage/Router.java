package dev.berth.http.manage;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Routes by method and path template: {@code /api/registries/{registry}/tokens/{name}}. A path that matches a
 * template with another method is {@code METHOD_UNKNOWN} (405), one that matches none {@code RESOURCE_NOT_FOUND}.
 */
final class Router {
    /** Serves one route. */
    @FunctionalInterface
    interface Handler {
        Reply handle(ApiRequest request) throws IOException;
    }

    /** A route: its method, its template, and who serves it. */
    record Route(String method, String template, Handler handler) {
        Optional<Map<String, String>> match(String[] path) {
            String[] parts = template.substring(1).split("/");
            if (parts.length != path.length) {
                return Optional.empty();
            }
            Map<String, String> params = new HashMap<>();
            for (int i = 0; i < parts.length; i++) {
                if (parts[i].startsWith("{")) {
                    if (path[i].isEmpty()) {
                        return Optional.empty();
                    }
                    params.put(parts[i].substring(1, parts[i].length() - 1), path[i]);
                } else if (!parts[i].equals(path[i])) {
                    return Optional.empty();
                }
            }
            return Optional.of(params);
        }
    }

    /** A route found for a request, with the values of its template's parameters. */
    record Found(Route route, Map<String, String> params) {}

    private final List<Route> routes = new ArrayList<>();

    Router add(String method, String template, Handler handler) {
        routes.add(new Route(method, template, handler));
        return this;
    }

    List<Route> routes() {
        return List.copyOf(routes);
    }

    Found find(String method, String path) {
        String[] parts = (path.endsWith("/") ? path.substring(1, path.length() - 1) : path.substring(1)).split("/", -1);
        boolean pathKnown = false;
        for (Route route : routes) {
            Optional<Map<String, String>> params = route.match(parts);
            if (params.isPresent()) {
                if (route.method().equals(method)) {
                    return new Found(route, params.get());
                }
                pathKnown = true;
            }
        }
        if (pathKnown) {
            throw new RegistryException(ErrorCode.METHOD_UNKNOWN, method + " is not allowed on " + path);
        }
        throw new RegistryException(ErrorCode.RESOURCE_NOT_FOUND, "no such resource: " + path);
    }
}
