package dev.berth.client;

import dev.berth.auth.Argon2PasswordHasher;
import dev.berth.auth.JwtTokens;
import dev.berth.auth.SigningKeys;
import dev.berth.core.access.AccessControl;
import dev.berth.core.access.AccessPolicy;
import dev.berth.core.access.Authenticator;
import dev.berth.core.access.SignInGuard;
import dev.berth.core.auth.Cidr;
import dev.berth.core.auth.PasswordHasher;
import dev.berth.core.auth.Role;
import dev.berth.core.auth.RoleAssignment;
import dev.berth.core.oci.Reference;
import dev.berth.core.oci.RepositoryName;
import dev.berth.core.oci.Tag;
import dev.berth.core.registry.DataPlane;
import dev.berth.core.registry.RegistryResolver;
import dev.berth.core.registry.RepositoryRef;
import dev.berth.core.spi.IdentityStore.UserRecord;
import dev.berth.core.spi.MetadataStore;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.http.auth.AccessGate;
import dev.berth.http.auth.ClientAddresses;
import dev.berth.http.auth.TokenApi;
import dev.berth.http.oci.OciApi;
import dev.berth.http.server.Endpoint;
import dev.berth.http.server.HttpServer;
import dev.berth.metadata.sqlite.SqliteMetadataStore;
import dev.berth.storage.fs.FilesystemBlobStore;
import dev.berth.tls.DevelopmentCertificates;
import dev.berth.tls.HostNames;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real Berth (OCI API, and with security the token service) on 127.0.0.1 port 0, over the filesystem blob store
 * and SQLite in a temporary directory. Every host is its default registry. Content is put in through the data plane
 * directly, as a push would leave it. Secured, it has the users {@code puller} (AcrPull), {@code nobody} (no role),
 * each with the password name + {@code -pw}.
 */
public final class TestRegistry implements AutoCloseable {
    private final Path dir;
    private final MetadataStore metadata;
    private final FilesystemBlobStore blobs;
    private final DataPlane dataPlane;
    private final RegistryRecord registry;
    private final HttpServer server;
    private final boolean https;

    private TestRegistry(boolean secured, boolean https) throws Exception {
        this.https = https;
        dir = Files.createTempDirectory("berth-client-test");
        blobs = new FilesystemBlobStore(dir.resolve("data"));
        metadata = SqliteMetadataStore.open(dir.resolve("berth.db"), Clock.systemUTC());
        registry = metadata.registries().getOrCreate("default");
        dataPlane = DataPlane.create(blobs, metadata, Clock.systemUTC());
        RegistryResolver registries = host -> Optional.of(registry);
        List<Endpoint> endpoints = new ArrayList<>();
        AccessGate gate = AccessGate.open();
        if (secured) {
            AccessControl control = accessControl();
            gate = AccessGate.enforcing(control, new ClientAddresses(List.of(Cidr.parse("127.0.0.0/8"))));
            endpoints.add(new TokenApi(control, gate, registries));
        }
        endpoints.add(new OciApi(registries, dataPlane, gate));
        server = new HttpServer(settings(), endpoints);
        server.start();
    }

    /** Anonymous pull and push, plain HTTP. */
    public static TestRegistry open() throws Exception {
        return new TestRegistry(false, false);
    }

    /** Docker token authentication, as Berth runs by default. */
    public static TestRegistry secured() throws Exception {
        return new TestRegistry(true, false);
    }

    /** HTTPS only, with a certificate from a development authority ({@link #authority()}). */
    public static TestRegistry https() throws Exception {
        return new TestRegistry(false, true);
    }

    public URI uri() {
        return https
                ? URI.create(
                        "https://127.0.0.1:" + server.tlsAddress().orElseThrow().getPort())
                : URI.create("http://127.0.0.1:" + server.address().getPort());
    }

    /** {@code 127.0.0.1:port}, as people write a registry. */
    public String host() {
        return uri().getRawAuthority();
    }

    /** The PEM file of the authority that issued the HTTPS certificate. */
    public Path authority() {
        return dir.resolve("tls").resolve("ca.pem");
    }

    public DataPlane dataPlane() {
        return dataPlane;
    }

    public MetadataStore metadata() {
        return metadata;
    }

    public RegistryRecord registry() {
        return registry;
    }

    /** Puts an image or index, and everything under it, into a repository under a tag. */
    public void push(String repository, String tag, TestImages.Manifest manifest) throws IOException {
        push(registry, repository, tag, manifest);
    }

    public void push(RegistryRecord into, String repository, String tag, TestImages.Manifest manifest)
            throws IOException {
        RepositoryRef ref = new RepositoryRef(into, new RepositoryName(repository));
        for (TestImages.Manifest child : manifest.children()) {
            pushByDigest(ref, child);
        }
        pushBlobs(ref, manifest);
        dataPlane.manifests().put(ref, new Reference.ByTag(new Tag(tag)), manifest.mediaType(), manifest.content());
    }

    private void pushByDigest(RepositoryRef ref, TestImages.Manifest manifest) throws IOException {
        pushBlobs(ref, manifest);
        dataPlane
                .manifests()
                .put(ref, new Reference.ByDigest(manifest.digest()), manifest.mediaType(), manifest.content());
    }

    private void pushBlobs(RepositoryRef ref, TestImages.Manifest manifest) throws IOException {
        for (TestImages.Blob blob : manifest.blobs()) {
            dataPlane
                    .uploads()
                    .uploadWhole(
                            ref,
                            blob.digest(),
                            Optional.of((long) blob.content().length),
                            new ByteArrayInputStream(blob.content()));
        }
    }

    private AccessControl accessControl() throws IOException {
        PasswordHasher hasher = new Argon2PasswordHasher(1024, 1);
        for (String user : List.of("puller", "nobody")) {
            metadata.identities().createUser(new UserRecord(user, hasher.hash(user + "-pw"), false, true));
        }
        metadata.identities().assign(new RoleAssignment("user:puller", registry.id(), "*", Role.ACR_PULL));
        JwtTokens tokens = new JwtTokens(
                SigningKeys.loadOrCreate(dir.resolve("keys"), Clock.systemUTC()),
                Clock.systemUTC(),
                Duration.ofMinutes(5),
                Duration.ofHours(3));
        return new AccessControl(
                new Authenticator(metadata.identities(), hasher, Clock.systemUTC()),
                new AccessPolicy(metadata.identities()),
                tokens,
                metadata.identities(),
                new SignInGuard(Clock.systemUTC()),
                event -> {},
                Clock.systemUTC());
    }

    private HttpServer.Settings settings() throws IOException {
        Optional<HttpServer.Tls> tls = Optional.empty();
        if (https) {
            var identity = DevelopmentCertificates.in(dir.resolve("tls"))
                    .provision(HostNames.of("localhost", "127.0.0.1"))
                    .identity();
            char[] password = "test-only".toCharArray();
            tls = Optional.of(new HttpServer.Tls(0, identity.toKeyStore(password), password));
        }
        return new HttpServer.Settings(
                "127.0.0.1", 0, Duration.ofSeconds(30), 16384, Duration.ofMillis(100), !https, tls);
    }

    @Override
    public void close() throws IOException {
        server.close();
        metadata.close();
        blobs.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(file);
            }
        }
    }
}
