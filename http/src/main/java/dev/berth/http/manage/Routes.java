package dev.berth.http.manage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.core.installation.ManagementAccess.Level;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.http.server.Exchange;
import java.io.IOException;
import java.util.function.UnaryOperator;

/** How code outside this package adds routes: a handler gets the registry, checked, and the request. */
public final class Routes {
    private final Router router;

    Routes(Router router) {
        this.router = router;
    }

    /** What a registry route does, once the caller was found to hold the level it needs. */
    @FunctionalInterface
    public interface RegistryHandler {
        /** Answers a JSON body (200), or throws for a client mistake. */
        Object handle(RegistryRecord registry, Exchange exchange, JsonNode body) throws IOException;
    }

    /** Adds a route under {@code /api/registries/{registry}/...}. */
    public Routes onRegistry(String method, String suffix, Level needed, String action, RegistryHandler handler) {
        router.add(method, "/api/registries/{registry}/" + suffix, request -> {
            RegistryRecord registry = request.registry(needed, action);
            return Reply.ok(handler.handle(registry, request.exchange(), request.json()));
        });
        return this;
    }

    /** What a registry route that reads its own body or sends its own answer (a stream, a file) does. */
    @FunctionalInterface
    public interface ExchangeHandler {
        /**
         * Sends the answer through the exchange, or throws for a client mistake before sending anything.
         *
         * @param params the values of the path template's parameters, by name
         */
        void handle(RegistryRecord registry, UnaryOperator<String> params, Exchange exchange) throws IOException;
    }

    /** Adds a route under {@code /api/registries/{registry}/...} whose handler answers through the exchange. */
    public Routes onRegistryExchange(
            String method, String suffix, Level needed, String action, ExchangeHandler handler) {
        router.add(method, "/api/registries/{registry}/" + suffix, request -> {
            RegistryRecord registry = request.registry(needed, action);
            handler.handle(registry, request::param, request.exchange());
            return Reply.SENT;
        });
        return this;
    }
}
