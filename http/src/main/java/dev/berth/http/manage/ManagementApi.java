package dev.berth.http.manage;

import dev.berth.core.auth.Principal;
import dev.berth.core.error.RegistryException;
import dev.berth.core.events.RequestContext;
import dev.berth.core.imports.ImportService;
import dev.berth.core.installation.Management;
import dev.berth.core.json.Json;
import dev.berth.http.auth.ManagementGate;
import dev.berth.http.error.ErrorResponses;
import dev.berth.http.server.Endpoint;
import dev.berth.http.server.Exchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The management API: signs the caller in (every route but the OpenAPI document needs it), finds the route, and
 * answers in ARM's error envelope whatever goes wrong. Routes live in one class per resource family.
 */
public final class ManagementApi implements Endpoint {
    private static final String PREFIX = "/api/";
    static final String OPENAPI = "/api/openapi.json";

    private final Management management;
    private final ManagementGate gate;
    private final Router router = new Router();
    private final byte[] openApi;

    public ManagementApi(Management management, ManagementGate gate, ImportService imports, List<RouteSet> extra) {
        this.management = management;
        this.gate = gate;
        RegistryRoutes.register(router);
        TokenRoutes.register(router);
        WebhookRoutes.register(router);
        IdentityRoutes.register(router);
        new ImportRoutes(imports).register(router);
        extra.forEach(set -> set.register(new Routes(router)));
        this.openApi = openApiDocument();
    }

    public ManagementApi(Management management, ManagementGate gate, ImportService imports) {
        this(management, gate, imports, List.of());
    }

    /** More routes, from a module the HTTP layer does not know (import, webhooks, builds). */
    @FunctionalInterface
    public interface RouteSet {
        void register(Routes routes);
    }

    @Override
    public boolean matches(String path) {
        return path.equals("/api") || path.startsWith(PREFIX);
    }

    @Override
    public void handle(Exchange exchange) throws IOException {
        try {
            serve(exchange);
        } catch (RegistryException e) {
            if (!exchange.isCommitted()) {
                ErrorResponses.sendManagement(exchange, e);
            }
        }
    }

    private void serve(Exchange exchange) throws IOException {
        if (exchange.path().equals(OPENAPI) && exchange.method().equals("GET")) {
            exchange.send(200, "application/json", openApi);
            return;
        }
        Router.Found found = router.find(exchange.method(), exchange.path());
        Principal caller = gate.authenticate(exchange);
        ApiRequest request = new ApiRequest(exchange, caller, found.params(), management);
        Reply reply = ScopedValue.where(RequestContext.CURRENT, gate.context(exchange, caller))
                .call(() -> found.route().handler().handle(request));
        if (reply == Reply.SENT) {
            return;
        }
        if (reply.body() == null) {
            exchange.send(reply.status());
        } else {
            exchange.send(reply.status(), "application/json", Json.write(reply.body()));
        }
    }

    @Override
    public void sendError(Exchange exchange, RegistryException error) throws IOException {
        ErrorResponses.sendManagement(exchange, error);
    }

    /** Every route, for the test that holds the OpenAPI document to the code. */
    public List<String> routes() {
        return router.routes().stream()
                .map(route -> route.method() + " " + route.template())
                .toList();
    }

    private static byte[] openApiDocument() {
        try (InputStream in = ManagementApi.class.getResourceAsStream("openapi.json")) {
            return in == null ? "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8) : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
