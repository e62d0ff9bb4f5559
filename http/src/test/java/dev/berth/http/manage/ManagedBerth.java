package dev.berth.http.manage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.auth.Argon2PasswordHasher;
import dev.berth.auth.JwtTokens;
import dev.berth.auth.SigningKeys;
import dev.berth.core.access.AccessControl;
import dev.berth.core.access.AccessPolicy;
import dev.berth.core.access.Authenticator;
import dev.berth.core.access.SignInGuard;
import dev.berth.core.auth.Cidr;
import dev.berth.core.auth.PasswordHasher;
import dev.berth.core.egress.Egress;
import dev.berth.core.egress.EgressPolicy;
import dev.berth.core.egress.EgressSettings;
import dev.berth.core.egress.OwnAddresses;
import dev.berth.core.imports.ImportService;
import dev.berth.core.imports.RemoteImageSources;
import dev.berth.core.installation.Management;
import dev.berth.core.installation.Registries;
import dev.berth.core.json.Json;
import dev.berth.core.oci.Digest;
import dev.berth.core.outbox.OutboxWorker;
import dev.berth.core.registry.DataPlane;
import dev.berth.core.spi.IdentityStore.UserRecord;
import dev.berth.core.spi.MetadataStore;
import dev.berth.core.tier.RequestRates;
import dev.berth.core.tier.Tier;
import dev.berth.core.tier.TierCatalog;
import dev.berth.core.tier.TierLimits;
import dev.berth.core.webhooks.delivery.WebhookDispatcher;
import dev.berth.egress.JettyEgress;
import dev.berth.http.acr.AcrApi;
import dev.berth.http.auth.AccessGate;
import dev.berth.http.auth.ClientAddresses;
import dev.berth.http.auth.ManagementGate;
import dev.berth.http.auth.TokenApi;
import dev.berth.http.oci.OciApi;
import dev.berth.http.server.HttpServer;
import dev.berth.metadata.sqlite.SqliteMetadataStore;
import dev.berth.storage.fs.FilesystemBlobStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Berth with authentication on, on port 0, as the server wires it: the management API, the token service, the
 * metadata API and the OCI API (imports only between its own registries), over SQLite and the filesystem in a temporary directory. Login servers are {@code <name>.localhost:<port>};
 * the default registry is {@code default}; the installation administrator is {@code admin} with password
 * {@code admin-pw}. Basic holds 2 tokens and 2 scope maps, Standard 3, Premium 50 and 2 IP rules.
 */
final class ManagedBerth implements AutoCloseable {
    static final String ADMIN = basic("admin", "admin-pw");
    static final TierCatalog TIERS = TierCatalog.defaults()
            .with(Tier.BASIC, limits(2, 0, false))
            .with(Tier.STANDARD, limits(3, 0, true))
            .with(Tier.PREMIUM, limits(50, 2, true));

    /** Fast webhook delivery: short backoffs, a 2 s retry window, and a quick look at new webhooks. */
    static final WebhookDispatcher.Settings WEBHOOKS = new WebhookDispatcher.Settings(
            Duration.ofSeconds(2),
            Duration.ofSeconds(2),
            Duration.ofMillis(50),
            Duration.ofMillis(200),
            Duration.ofMillis(50),
            new OutboxWorker.Settings(100, Duration.ofMillis(100), Duration.ofMillis(50), Duration.ofSeconds(1)));

    private final Path dir;
    private final MetadataStore metadata;
    private final FilesystemBlobStore blobs;
    private final HttpServer server;
    private final WebhookDispatcher webhooks;
    private final HttpClient http = HttpClient.newHttpClient();
    final ManagementApi api;

    ManagedBerth() throws Exception {
        this(WEBHOOKS);
    }

    /** As {@link #ManagedBerth()}, delivering webhooks with the given settings. */
    ManagedBerth(WebhookDispatcher.Settings webhookSettings) throws Exception {
        dir = Files.createTempDirectory("berth-manage-test");
        blobs = new FilesystemBlobStore(dir.resolve("blobs"));
        metadata = SqliteMetadataStore.open(dir.resolve("berth.db"), Clock.systemUTC());
        metadata.registries().getOrCreate("default");
        PasswordHasher hasher = new Argon2PasswordHasher(1024, 1);
        metadata.identities().createUser(new UserRecord("admin", hasher.hash("admin-pw"), true, true));
        Clock clock = Clock.systemUTC();
        JwtTokens tokens = new JwtTokens(
                SigningKeys.loadOrCreate(dir.resolve("keys"), clock),
                clock,
                Duration.ofMinutes(5),
                Duration.ofHours(3));
        AccessControl control = new AccessControl(
                new Authenticator(metadata.identities(), hasher, clock),
                new AccessPolicy(metadata.identities(), metadata.directory()::installationRoles),
                tokens,
                metadata.identities(),
                new SignInGuard(clock),
                event -> {},
                clock);
        ClientAddresses addresses = new ClientAddresses(List.of(Cidr.parse("127.0.0.0/8")));
        AccessGate gate = AccessGate.enforcing(control, addresses);
        HttpServer[] self = new HttpServer[1];
        Registries registries = new Registries(
                metadata.registries(),
                "localhost",
                "default",
                () -> self[0] == null ? 0 : self[0].address().getPort(),
                clock);
        OwnAddresses own = new OwnAddresses();
        Egress egress = new JettyEgress(new EgressPolicy(EgressSettings.DEFAULTS.allowing("127.0.0.0/8"), own));
        Management management = Management.create(
                metadata, registries, TIERS, registryId -> 0L, hasher, clock, control::credentialsChanged, egress);
        DataPlane dataPlane = DataPlane.create(blobs, metadata, clock);
        webhooks = WebhookDispatcher.start(
                metadata.events(), metadata.webhooks(), dataPlane.events(), egress, webhookSettings, clock);
        ImportService imports = new ImportService(dataPlane, metadata.registries(), RemoteImageSources.none());
        api = new ManagementApi(management, ManagementGate.enforcing(control, addresses), imports);
        server = new HttpServer(
                new HttpServer.Settings("127.0.0.1", 0, Duration.ofSeconds(30), 16384, Duration.ofSeconds(1)),
                List.of(
                        new TokenApi(control, gate, registries),
                        api,
                        new AcrApi(registries, metadata.registries(), dataPlane, gate),
                        new OciApi(registries, dataPlane, gate)));
        self[0] = server;
        server.start();
        own.listensOn(server.address().getPort());
    }

    private static TierLimits limits(int count, int ipRules, boolean anonymousPull) {
        return new TierLimits(1L << 30, 1L << 31, 2, count, count, ipRules, 0, anonymousPull, RequestRates.UNLIMITED);
    }

    /** The store under the API, for what only the server sees (events). */
    MetadataStore metadata() {
        return metadata;
    }

    int port() {
        return server.address().getPort();
    }

    /** The Host that reaches a registry: its login server. */
    String host(String registry) {
        return registry + ".localhost:" + port();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** What came back: status, headers and body, the body also as JSON when it is some. */
    record Response(int status, HttpResponse<String> raw) {
        JsonNode json() {
            return Json.parse(raw.body().getBytes(StandardCharsets.UTF_8));
        }

        Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        /** The management error envelope's code. */
        String errorCode() {
            return json().path("error").path("code").asText();
        }

        Response expect(int expected) {
            assertEquals(
                    expected,
                    status,
                    () -> raw.request().method() + " " + raw.request().uri() + " -> " + raw.body());
            return this;
        }

        /** Asserts the status and the envelope's code. */
        Response expectError(int expected, String code) {
            expect(expected);
            assertEquals(code, errorCode(), raw::body);
            return this;
        }
    }

    /** A management call; {@code authorization} and {@code body} may be null. */
    Response call(String method, String path, String authorization, String body) {
        return send(method, path, authorization, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /** A management call as the installation administrator. */
    Response admin(String method, String path, String body) {
        return call(method, path, ADMIN, body);
    }

    /** Any request, on the default registry's host unless a Host header is among the headers. */
    Response send(String method, String path, String authorization, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates a user through the API, with a password, and returns its Basic credentials. */
    String user(String name) {
        admin("PUT", "/api/users/" + name, "{\"properties\":{\"password\":\"" + name + "-password\"}}");
        return basic(name, name + "-password");
    }

    /** Gives a role through the API. */
    void assign(String principalId, String role, String scope) {
        admin(
                        "POST",
                        "/api/roleAssignments",
                        "{\"properties\":{\"principalId\":\"" + principalId + "\",\"roleDefinitionName\":\"" + role
                                + "\",\"scope\":\"" + scope + "\"}}")
                .expect(201);
    }

    /** Creates a registry through the API, on a tier. */
    void registry(String name, String tier) {
        admin("PUT", "/api/registries/" + name, "{\"sku\":{\"name\":\"" + tier + "\"}}")
                .expect(201);
    }

    /** Pushes a one-blob image to a registry's repository as the given caller; returns the push's status. */
    int push(String registry, String repository, String authorization) {
        return push(registry, repository, "v1", "application/vnd.oci.image.config.v1+json", authorization);
    }

    /** Pushes a manifest whose config (its only blob) has the media type, under the tag; returns the status. */
    int push(String registry, String repository, String tag, String configMediaType, String authorization) {
        byte[] config = ("{\"repository\":\"" + repository + "\"}").getBytes(StandardCharsets.UTF_8);
        Digest digest = Digest.sha256(config);
        Response blob = send(
                "POST",
                "/v2/" + repository + "/blobs/uploads/?digest=" + digest,
                authorization,
                config,
                "Host",
                host(registry));
        if (blob.status() != 201) {
            return blob.status();
        }
        String manifest = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"" + configMediaType + "\",\"digest\":\"" + digest
                + "\",\"size\":" + config.length + "},\"layers\":[]}";
        return send(
                        "PUT",
                        "/v2/" + repository + "/manifests/" + tag,
                        authorization,
                        manifest.getBytes(StandardCharsets.UTF_8),
                        "Host",
                        host(registry),
                        "Content-Type",
                        "application/vnd.oci.image.manifest.v1+json")
                .status();
    }

    /** Pulls the manifest pushed by {@link #push}; returns the status. */
    int pull(String registry, String repository, String authorization) {
        return send("GET", "/v2/" + repository + "/manifests/v1", authorization, null, "Host", host(registry))
                .status();
    }

    @Override
    public void close() throws IOException {
        webhooks.close();
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
