package dev.berth.http.acr;

import dev.berth.core.registry.DataPlane;
import dev.berth.core.registry.RegistryResolver;
import dev.berth.core.spi.BlobStore;
import dev.berth.core.spi.MetadataStore;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.http.oci.OciApi;
import dev.berth.http.server.HttpServer;
import dev.berth.metadata.sqlite.SqliteMetadataStore;
import dev.berth.storage.fs.FilesystemBlobStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Berth on port 0 serving the OCI API and the metadata API with no access control, backed by the filesystem
 * blob store and SQLite in a temporary directory; one per test class (a static field). It hosts two registries,
 * picked by the Host header: {@code default} for {@code 127.0.0.1} ({@link #client()}) and {@code second} for
 * {@code localhost} ({@link #secondClient()}).
 */
final class AcrServer implements BeforeAllCallback, AfterAllCallback {
    private Path dir;
    private BlobStore blobStore;
    private MetadataStore metadata;
    private DataPlane dataPlane;
    private HttpServer server;
    private AcrClient client;
    private AcrClient secondClient;

    AcrClient client() {
        return client;
    }

    /** A client whose requests reach the second registry. */
    AcrClient secondClient() {
        return secondClient;
    }

    DataPlane dataPlane() {
        return dataPlane;
    }

    MetadataStore metadata() {
        return metadata;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("berth-acr-test");
        blobStore = new FilesystemBlobStore(dir.resolve("blobs"));
        metadata = SqliteMetadataStore.open(dir.resolve("berth.db"), Clock.systemUTC());
        RegistryRecord registry = metadata.registries().getOrCreate("default");
        RegistryRecord second = metadata.registries().getOrCreate("second");
        dataPlane = DataPlane.create(blobStore, metadata, Clock.systemUTC());
        RegistryResolver registries = host -> host.startsWith("localhost")
                ? Optional.of(second)
                : host.startsWith("127.0.0.1") ? Optional.of(registry) : Optional.empty();
        server = new HttpServer(
                new HttpServer.Settings("127.0.0.1", 0, Duration.ofSeconds(30), 16384, Duration.ofSeconds(5)),
                List.of(new AcrApi(registries, metadata.registries(), dataPlane), new OciApi(registries, dataPlane)));
        server.start();
        int port = server.address().getPort();
        client = new AcrClient(URI.create("http://127.0.0.1:" + port));
        secondClient = new AcrClient(URI.create("http://localhost:" + port));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        client.close();
        secondClient.close();
        server.close();
        metadata.close();
        blobStore.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(file);
            }
        }
    }
}
