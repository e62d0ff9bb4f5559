package dev.berth.http.acr;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.events.RequestContext;
import dev.berth.core.registry.DataPlane;
import dev.berth.core.registry.RegistryResolver;
import dev.berth.core.spi.RegistryStore;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.core.throttle.RequestClass;
import dev.berth.http.auth.Access;
import dev.berth.http.auth.AccessGate;
import dev.berth.http.error.RegistryEndpoint;
import dev.berth.http.server.Exchange;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * ACR's metadata API. Under {@code /acr/v1} the registry is the one the Host names, as for {@code /v2/}; under {@code
 * /api/registries/<name>/acr/v1} it is the one the path names, so a client that talks only to the management
 * address reaches every registry. Either way the {@link AccessGate} decides with the same scopes, and the answers
 * are the same.
 */
public final class AcrApi extends RegistryEndpoint {
    private final RegistryResolver registries;
    private final RegistryStore registryStore;
    private final AccessGate gate;
    private final Map<AcrRoute.Kind, AcrHandler> handlers = new EnumMap<>(AcrRoute.Kind.class);

    /** The API with no access control, for tests of the protocol itself. */
    public AcrApi(RegistryResolver registries, RegistryStore registryStore, DataPlane dataPlane) {
        this(registries, registryStore, dataPlane, AccessGate.open());
    }

    public AcrApi(RegistryResolver registries, RegistryStore registryStore, DataPlane dataPlane, AccessGate gate) {
        this.registries = registries;
        this.registryStore = registryStore;
        this.gate = gate;
        handlers.put(AcrRoute.Kind.CATALOG, new CatalogHandler(dataPlane.listings()));
        handlers.put(AcrRoute.Kind.REPOSITORY, new RepositoryHandler(dataPlane));
        handlers.put(AcrRoute.Kind.TAGS, new TagsHandler(dataPlane.inventory()));
        handlers.put(AcrRoute.Kind.TAG, new TagHandler(dataPlane));
        handlers.put(AcrRoute.Kind.MANIFESTS, new ManifestsHandler(dataPlane.inventory()));
        handlers.put(AcrRoute.Kind.MANIFEST, new ManifestHandler(dataPlane));
    }

    @Override
    public boolean matches(String path) {
        return AcrRoute.matches(path);
    }

    @Override
    protected void serve(Exchange exchange) throws IOException {
        AcrRoute route = AcrRoute.of(exchange.path())
                .orElseThrow(() ->
                        new RegistryException(ErrorCode.NAME_UNKNOWN, "no such resource: " + shorten(exchange.path())));
        RegistryRecord registry = route.registryName().isPresent()
                ? named(exchange, route.registryName().get())
                : registry(exchange, registries);
        requireMethod(exchange, route.kind());
        exchange.attach(
                Access.class,
                gate.check(
                        exchange,
                        registry,
                        AcrScopes.needed(route, exchange.method()),
                        RequestClass.ofMethod(exchange.method())));
        AcrHandler handler = handlers.get(route.kind());
        ScopedValue.where(RequestContext.CURRENT, AccessGate.context(exchange)).call(() -> {
            handler.handle(exchange, route, registry);
            return null;
        });
    }

    /** The registry a management path names, or {@link ErrorCode#NAME_UNKNOWN}. */
    private RegistryRecord named(Exchange exchange, String name) throws IOException {
        RegistryRecord registry = registryStore
                .find(name)
                .orElseThrow(() -> new RegistryException(ErrorCode.NAME_UNKNOWN, "no registry named " + shorten(name)));
        exchange.attach(RegistryRecord.class, registry);
        return registry;
    }

    private static void requireMethod(Exchange exchange, AcrRoute.Kind kind) {
        if (!kind.methods().contains(exchange.method())) {
            exchange.header("Allow", String.join(", ", kind.methods()));
            throw new RegistryException(
                    ErrorCode.METHOD_UNKNOWN,
                    "method " + shorten(exchange.method()) + " is not allowed here; allowed: "
                            + String.join(", ", kind.methods()));
        }
    }

    private static String shorten(String text) {
        return text.length() > 100 ? text.substring(0, 100) + "..." : text;
    }
}
