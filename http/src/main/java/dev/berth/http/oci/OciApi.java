package dev.berth.http.oci;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.events.RequestContext;
import dev.berth.core.registry.DataPlane;
import dev.berth.core.registry.RegistryResolver;
import dev.berth.core.registry.RepositoryRef;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.http.auth.Access;
import dev.berth.http.auth.AccessGate;
import dev.berth.http.error.RegistryEndpoint;
import dev.berth.http.server.Exchange;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The OCI Distribution API under {@code /v2/}: picks the registry from the Host header, routes the path to its
 * handler once the {@link AccessGate} has let the request through, and turns every {@link RegistryException} into
 * the spec's error envelope.
 */
public final class OciApi extends RegistryEndpoint {
    private final RegistryResolver registries;
    private final AccessGate gate;
    private final Map<Route.Kind, OciHandler> handlers = new EnumMap<>(Route.Kind.class);

    /** The API with no access control, for tests of the protocol itself. */
    public OciApi(RegistryResolver registries, DataPlane dataPlane) {
        this(registries, dataPlane, AccessGate.open());
    }

    public OciApi(RegistryResolver registries, DataPlane dataPlane, AccessGate gate) {
        this.registries = registries;
        this.gate = gate;
        UploadHandler uploads = new UploadHandler(dataPlane.uploads());
        handlers.put(Route.Kind.BASE, new BaseHandler());
        handlers.put(Route.Kind.CATALOG, new CatalogHandler(dataPlane.listings()).asHandler());
        handlers.put(Route.Kind.TAGS, new TagsHandler(dataPlane.listings()));
        handlers.put(Route.Kind.MANIFEST, new ManifestHandler(dataPlane.manifests()));
        handlers.put(Route.Kind.BLOB, new BlobHandler(dataPlane.blobs()));
        handlers.put(Route.Kind.UPLOADS, uploads);
        handlers.put(Route.Kind.UPLOAD, uploads);
        handlers.put(Route.Kind.REFERRERS, new ReferrersHandler(dataPlane.listings()));
    }

    @Override
    public boolean matches(String path) {
        return path.equals("/v2") || path.startsWith("/v2/");
    }

    @Override
    protected void serve(Exchange exchange) throws IOException {
        exchange.header("Docker-Distribution-API-Version", "registry/2.0");
        Route route = Route.of(exchange.path())
                .orElseThrow(() -> new RegistryException(
                        ErrorCode.NAME_UNKNOWN, "no such resource: " + truncate(exchange.path())));
        RegistryRecord registry = registry(exchange, registries);
        String method = exchange.method();
        Access access =
                gate.check(exchange, registry, RouteScopes.needed(route, method), RouteScopes.counted(route, method));
        exchange.attach(Access.class, access);
        OciHandler handler = handlers.get(route.kind());
        RepositoryRef repo = new RepositoryRef(registry, route.name());
        ScopedValue.where(RequestContext.CURRENT, AccessGate.context(exchange)).call(() -> {
            handler.handle(exchange, repo, route);
            return null;
        });
    }

    private static String truncate(String text) {
        return text.length() > 100 ? text.substring(0, 100) + "..." : text;
    }
}
