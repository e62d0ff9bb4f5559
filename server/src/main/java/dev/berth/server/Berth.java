package dev.berth.server;

import dev.berth.core.registry.DataPlane;
import dev.berth.core.registry.RegistryResolver;
import dev.berth.core.spi.BlobStore;
import dev.berth.core.spi.MetadataStore;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.core.throttle.Throttle;
import dev.berth.core.tier.TierCatalog;
import dev.berth.http.oci.OciApi;
import dev.berth.http.server.Endpoint;
import dev.berth.http.server.HttpServer;
import dev.berth.metadata.sqlite.SqliteMetadataStore;
import dev.berth.server.config.BerthConfig;
import dev.berth.storage.fs.FilesystemBlobStore;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The composition root: the one place that knows every implementation. Opens the storage under the data directory,
 * makes sure the default registry exists, wires the data plane to the HTTP server and starts the background work.
 * Closing it shuts everything down in reverse order, letting requests in flight finish first.
 */
public final class Berth implements Closeable {
    private static final System.Logger LOG = System.getLogger("berth");

    private final List<Closeable> resources = new ArrayList<>();
    private final HttpServer http;
    private final Path dataDir;

    private Berth(BerthConfig config) throws Exception {
        this.dataDir = config.storage().dataDir().toAbsolutePath().normalize();
        try {
            resources.add(DataDirLock.acquire(dataDir));
            BlobStore blobs = track(new FilesystemBlobStore(dataDir));
            MetadataStore metadata = track(SqliteMetadataStore.open(dataDir.resolve("berth.db"), Clock.systemUTC()));
            RegistryRecord defaultRegistry =
                    metadata.registries().getOrCreate(config.registry().defaultName());
            TierCatalog tiers = TierCatalog.defaults();
            DataPlane dataPlane = DataPlane.create(blobs, metadata, Clock.systemUTC(), tiers);
            track(UploadJanitor.start(dataPlane.uploads(), config.uploads()));
            RegistryResolver registries = host -> Optional.of(defaultRegistry);
            Security security = Security.wire(
                    config.auth(),
                    metadata.identities(),
                    defaultRegistry,
                    registries,
                    config.auth().trustedProxies(),
                    dataDir,
                    new Throttle(tiers, Clock.systemUTC()));
            List<Endpoint> endpoints = new ArrayList<>(security.endpoints());
            endpoints.add(new OciApi(registries, dataPlane, security.gate()));
            http = new HttpServer(httpSettings(config.server()), endpoints);
            http.start();
            resources.add(http);
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    /** Starts Berth with the given configuration; the returned instance is serving. */
    public static Berth start(BerthConfig config) throws Exception {
        return new Berth(config);
    }

    public InetSocketAddress address() {
        return http.address();
    }

    /** The HTTPS address, with the real port when 0 was asked for, if HTTPS is on. */
    public Optional<InetSocketAddress> tlsAddress() {
        return http.tlsAddress();
    }

    public Path dataDir() {
        return dataDir;
    }

    private <T extends Closeable> T track(T resource) {
        resources.add(resource);
        return resource;
    }

    private static HttpServer.Settings httpSettings(BerthConfig.Server server) throws IOException {
        return new HttpServer.Settings(
                server.host(),
                server.port(),
                server.idleTimeout(),
                server.maxHeaderBytes(),
                server.shutdownGrace(),
                server.httpEnabled(),
                TlsSettings.of(server.tls()));
    }

    @Override
    public synchronized void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "error while shutting down", e);
            }
        }
        resources.clear();
    }
}
