package dev.berth.http.oci;

import dev.berth.core.registry.DataPlane;
import dev.berth.core.registry.RegistryResolver;
import dev.berth.core.spi.BlobStore;
import dev.berth.core.spi.MetadataStore;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.core.throttle.Throttle;
import dev.berth.core.tier.TierCatalog;
import dev.berth.http.auth.AccessGate;
import dev.berth.http.server.HttpServer;
import dev.berth.http.server.SlowClients;
import dev.berth.metadata.sqlite.SqliteMetadataStore;
import dev.berth.storage.fs.FilesystemBlobStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Berth OCI API on port 0, backed by the filesystem blob store and SQLite in a temporary directory. Register
 * it in a static field for one server per test class, or in an instance field for a fresh server per test. It hosts
 * two registries, picked by the Host header as in production: the default one and {@link #SECOND_HOST}.
 */
final class RegistryServer implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    static final int MAX_HEADER_BYTES = 16384;
    /** The Host of a second registry; the client's own (127.0.0.1) is the default one, and any other is none. */
    static final String SECOND_HOST = "second.example";

    private final UnaryOperator<BlobStore> blobStoreWrapper;
    private final TierCatalog catalog;
    private final Clock clock;
    private SlowClients slowClients = SlowClients.DEFAULTS;
    private Path dir;
    private BlobStore blobStore;
    private MetadataStore metadata;
    private HttpServer server;
    private RegistryClient client;
    private boolean perClass;

    private RegistryServer(UnaryOperator<BlobStore> blobStoreWrapper, TierCatalog catalog, Clock clock) {
        this.blobStoreWrapper = blobStoreWrapper;
        this.catalog = catalog;
        this.clock = clock;
    }

    static RegistryServer create() {
        return new RegistryServer(UnaryOperator.identity(), null, Clock.systemUTC());
    }

    /** A server whose blob store is wrapped, for injecting storage faults. */
    static RegistryServer withBlobStore(UnaryOperator<BlobStore> wrapper) {
        return new RegistryServer(wrapper, null, Clock.systemUTC());
    }

    /**
     * A server that throttles with the catalog's rates and enforces its storage maximums, on the given clock, and
     * looks each request's registry up afresh, so that a test may move it to another tier.
     */
    static RegistryServer limited(TierCatalog catalog, Clock clock) {
        return new RegistryServer(UnaryOperator.identity(), catalog, clock);
    }

    /** The same server, cutting off clients slower than the limits. */
    RegistryServer withSlowClients(SlowClients limits) {
        this.slowClients = limits;
        return this;
    }

    MetadataStore metadata() {
        return metadata;
    }

    RegistryClient client() {
        return client;
    }

    InetSocketAddress address() {
        return server.address();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        perClass = true;
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (!perClass) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (!perClass) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        stop();
    }

    private void start() throws Exception {
        dir = Files.createTempDirectory("berth-http-test");
        blobStore = blobStoreWrapper.apply(new FilesystemBlobStore(dir.resolve("blobs")));
        metadata = SqliteMetadataStore.open(dir.resolve("berth.db"), Clock.systemUTC());
        RegistryRecord registry = metadata.registries().getOrCreate("default");
        RegistryRecord second = metadata.registries().getOrCreate("second");
        DataPlane dataPlane = catalog == null
                ? DataPlane.create(blobStore, metadata, Clock.systemUTC())
                : DataPlane.create(blobStore, metadata, clock, catalog);
        RegistryResolver registries = host -> host.startsWith(SECOND_HOST)
                ? current(second)
                : host.startsWith("127.0.0.1") ? current(registry) : Optional.empty();
        Throttle throttle = catalog == null ? Throttle.unlimited() : new Throttle(catalog, clock);
        server = new HttpServer(
                new HttpServer.Settings(
                        "127.0.0.1", 0, Duration.ofSeconds(30), MAX_HEADER_BYTES, Duration.ofSeconds(5)),
                slowClients,
                List.of(new OciApi(registries, dataPlane, AccessGate.open(throttle))));
        server.start();
        client = new RegistryClient(
                URI.create("http://127.0.0.1:" + server.address().getPort()));
    }

    private Optional<RegistryRecord> current(RegistryRecord registry) throws IOException {
        return catalog == null ? Optional.of(registry) : metadata.registries().findById(registry.id());
    }

    private void stop() throws IOException {
        if (server == null) {
            return;
        }
        client.close();
        server.close();
        metadata.close();
        blobStore.close();
        server = null;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(file);
            }
        }
    }
}
