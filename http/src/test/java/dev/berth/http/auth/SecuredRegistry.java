package dev.berth.http.auth;

import dev.berth.auth.Argon2PasswordHasher;
import dev.berth.auth.JwtTokens;
import dev.berth.auth.SigningKeys;
import dev.berth.core.access.AccessControl;
import dev.berth.core.access.AccessPolicy;
import dev.berth.core.access.AuditLog;
import dev.berth.core.access.Authenticator;
import dev.berth.core.access.SignInGuard;
import dev.berth.core.auth.Cidr;
import dev.berth.core.auth.NetworkRules;
import dev.berth.core.auth.PasswordHasher;
import dev.berth.core.auth.RegistryToken;
import dev.berth.core.auth.Role;
import dev.berth.core.auth.RoleAssignment;
import dev.berth.core.auth.ScopeMap;
import dev.berth.core.registry.DataPlane;
import dev.berth.core.registry.RegistryResolver;
import dev.berth.core.spi.IdentityStore.UserRecord;
import dev.berth.core.spi.MetadataStore;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.core.throttle.Throttle;
import dev.berth.http.acr.AcrApi;
import dev.berth.http.oci.OciApi;
import dev.berth.http.server.HttpServer;
import dev.berth.metadata.sqlite.SqliteMetadataStore;
import dev.berth.storage.fs.FilesystemBlobStore;
import java.io.IOException;
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
import java.util.List;
import java.util.Optional;

/**
 * A registry with access control on, on port 0, with one user per role: {@code admin} (installation administrator),
 * {@code puller} (AcrPull), {@code pusher} (AcrPush on {@code team/*}), {@code deleter} (AcrDelete), {@code reader}
 * (Reader), {@code signer} (AcrImageSigner), {@code nobody} (no role) and {@code disabled} (cannot sign in). Every
 * password is the user name followed by {@code -pw}.
 */
final class SecuredRegistry implements AutoCloseable {
    static final List<String> USERS = List.of("admin", "puller", "pusher", "deleter", "reader", "signer", "nobody");

    private final Path dir;
    final MetadataStore metadata;
    private final FilesystemBlobStore blobs;
    private final HttpServer server;
    private final RegistryRecord registry;
    final PasswordHasher hasher;
    private final HttpClient http = HttpClient.newHttpClient();
    /** The token service's own signer, for forging tokens the way only Berth could. */
    final JwtTokens tokens;
    /** Every decision the access services recorded. */
    final List<AuditLog.AuditEvent> audit = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The access services, for what only Berth itself could compute (credential stamps). */
    final AccessControl control;

    SecuredRegistry() throws Exception {
        this(Throttle.unlimited());
    }

    /** A registry whose gate throttles with the given throttle. */
    SecuredRegistry(Throttle throttle) throws Exception {
        dir = Files.createTempDirectory("berth-auth-test");
        blobs = new FilesystemBlobStore(dir);
        metadata = SqliteMetadataStore.open(dir.resolve("berth.db"), Clock.systemUTC());
        registry = metadata.registries().getOrCreate("default");
        hasher = new Argon2PasswordHasher(1024, 1);
        addUsers(hasher);
        tokens = new JwtTokens(
                SigningKeys.loadOrCreate(dir.resolve("keys"), Clock.systemUTC()),
                Clock.systemUTC(),
                Duration.ofMinutes(5),
                Duration.ofHours(3));
        control = new AccessControl(
                new Authenticator(metadata.identities(), hasher, Clock.systemUTC()),
                new AccessPolicy(metadata.identities()),
                tokens,
                metadata.identities(),
                new SignInGuard(Clock.systemUTC()),
                audit::add,
                Clock.systemUTC());
        RegistryResolver registries = host -> Optional.of(registry);
        AccessGate gate =
                AccessGate.enforcing(control, new ClientAddresses(List.of(Cidr.parse("127.0.0.0/8"))), throttle);
        DataPlane dataPlane = DataPlane.create(blobs, metadata, Clock.systemUTC());
        server = new HttpServer(
                new HttpServer.Settings("127.0.0.1", 0, Duration.ofSeconds(30), 16384, Duration.ofSeconds(1)),
                List.of(
                        new TokenApi(control, gate, registries),
                        new AcrApi(registries, metadata.registries(), dataPlane, gate),
                        new OciApi(registries, dataPlane, gate)));
        server.start();
    }

    private void addUsers(PasswordHasher hasher) throws IOException {
        for (String user : USERS) {
            metadata.identities()
                    .createUser(new UserRecord(user, hasher.hash(user + "-pw"), user.equals("admin"), true));
        }
        metadata.identities().createUser(new UserRecord("disabled", hasher.hash("disabled-pw"), false, false));
        assign("puller", "*", Role.ACR_PULL);
        assign("pusher", "team/*", Role.ACR_PUSH);
        assign("deleter", "*", Role.ACR_DELETE);
        assign("reader", "*", Role.READER);
        assign("signer", "*", Role.ACR_IMAGE_SIGNER);
        assign("disabled", "*", Role.OWNER);
    }

    private void assign(String user, String pattern, Role role) throws IOException {
        metadata.identities().assign(new RoleAssignment("user:" + user, registry.id(), pattern, role));
    }

    void scopeMap(String name, String... actions) throws IOException {
        metadata.identities().putScopeMap(registry.id(), new ScopeMap(name, "", List.of(actions)));
    }

    /** A token with one password; {@code expiry} may be null. */
    void token(String name, String scopeMap, boolean enabled, String password, java.time.Instant expiry)
            throws IOException {
        metadata.identities()
                .putToken(new RegistryToken(
                        registry.id(),
                        name,
                        scopeMap,
                        enabled,
                        List.of(new RegistryToken.Password("password1", hasher.hash(password), expiry))));
    }

    /** Enables the registry's admin account (user name {@code default}) with two passwords, or disables it. */
    void adminAccount(boolean enabled, String password, String password2) throws IOException {
        metadata.identities()
                .setAdminAccount(new dev.berth.core.auth.AdminAccount(
                        registry.id(),
                        enabled,
                        List.of(
                                new RegistryToken.Password("password", hasher.hash(password), null),
                                new RegistryToken.Password("password2", hasher.hash(password2), null))));
    }

    /** A service principal with one secret and a role on the whole registry. */
    void servicePrincipal(String id, String secret, java.time.Instant expiry, Role role) throws IOException {
        metadata.identities()
                .putServicePrincipal(new dev.berth.core.auth.ServicePrincipal(
                        id, id, true, List.of(new RegistryToken.Password("secret1", hasher.hash(secret), expiry))));
        metadata.identities().assign(new RoleAssignment("service_principal:" + id, registry.id(), "*", role));
    }

    void networkRules(NetworkRules rules) throws IOException {
        metadata.identities().setNetworkRules(registry.id(), rules);
    }

    void anonymousPull(boolean enabled) throws IOException {
        metadata.identities().setAnonymousPull(registry.id(), enabled);
    }

    String host() {
        return "127.0.0.1:" + server.address().getPort();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String basic(String user) {
        return basic(user, user + "-pw");
    }

    /** Sends a request; {@code authorization} may be null. */
    HttpResponse<String> send(String method, String path, String authorization, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host() + path))
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
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String path, String authorization) {
        return send("GET", path, authorization, null);
    }

    HttpResponse<String> postForm(String path, String form, String authorization) {
        return send(
                "POST",
                path,
                authorization,
                form.getBytes(StandardCharsets.UTF_8),
                "Content-Type",
                "application/x-www-form-urlencoded");
    }

    @Override
    public void close() throws IOException {
        server.close();
        metadata.close();
        blobs.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
