package dev.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signing in to Berth with authentication on, as it runs by default: skopeo and podman with the administrator's
 * password, {@code berth login}'s refresh tokens used by skopeo (from the Docker configuration file it writes, and
 * as the password of the null-GUID user), and Docker's token flow over raw HTTP.
 */
@Timeout(180)
class AuthEndToEndTest {
    private static final String PASSWORD = "admin-secret";
    private static final String NULL_GUID = "00000000-0000-0000-0000-000000000000";

    @RegisterExtension
    static final EmbeddedBerth berth = EmbeddedBerth.withAuth(PASSWORD);

    @RegisterExtension
    final ContainerStore store = ContainerStore.create();

    @TempDir
    Path dir;

    private final RegistryClient registry = berth.client();
    private final OciLayout busybox = TestImages.busybox();

    @Test
    void skopeoWithoutCredentialsIsRefusedAndStoresNothing() throws IOException {
        String repository = Names.unique("auth/anonymous");

        Command.Result push = Skopeo.attempt(
                "copy",
                "--dest-tls-verify=false",
                "--dest-authfile",
                emptyAuthFile().toString(),
                busybox.reference(),
                berth.docker(repository + ":1"));

        assertNotEquals(0, push.exitCode(), push.describe());
        String refusal = push.stderr().toLowerCase(Locale.ROOT);
        assertTrue(
                refusal.contains("unauthorized") || refusal.contains("denied") || refusal.contains("401"),
                push.describe());
        registry.get("/v2/" + repository + "/tags/list", "Authorization", basic("admin", PASSWORD))
                .expect(404);
    }

    @Test
    void skopeoWithTheAdministratorsPasswordCopiesBothWays() {
        String repository = Names.unique("auth/creds");
        Skopeo.run(
                "copy",
                "--dest-tls-verify=false",
                "--dest-creds",
                "admin:" + PASSWORD,
                busybox.reference(),
                berth.docker(repository + ":1"));

        OciLayout back = new OciLayout(dir.resolve("back"));
        Skopeo.run(
                "copy",
                "--src-tls-verify=false",
                "--src-creds",
                "admin:" + PASSWORD,
                berth.docker(repository + ":1"),
                back.reference());

        assertPulledBack(repository, back);
    }

    @Test
    void skopeoWithAWrongPasswordIsRefused() {
        Command.Result push = Skopeo.attempt(
                "copy",
                "--dest-tls-verify=false",
                "--dest-creds",
                "admin:not-" + PASSWORD,
                busybox.reference(),
                berth.docker(Names.unique("auth/wrong") + ":1"));

        assertNotEquals(0, push.exitCode(), push.describe());
        assertTrue(push.stderr().contains("invalid username/password"), push.describe());
    }

    @Test
    void podmanLogsInToAnAuthFileAndPushesAndPullsWithIt() {
        String authFile = dir.resolve("podman-auth.json").toString();
        String image = berth.host() + "/" + Names.unique("auth/podman") + ":1";
        String loaded = store.podman("pull", "-q", busybox.reference()).out().strip();
        store.podman("tag", loaded, image);

        store.podman(
                "login", "--authfile", authFile, "--tls-verify=false", "-u", "admin", "-p", PASSWORD, berth.host());
        store.podman("push", "--authfile", authFile, "--tls-verify=false", image);
        store.podman("rmi", "-a", "-f");
        store.podman("pull", "-q", "--authfile", authFile, "--tls-verify=false", image);

        assertEquals(
                loaded,
                store.podman("image", "inspect", "--format", "{{.Id}}", image)
                        .out()
                        .strip());
    }

    @Test
    void berthLoginWritesAConfigFileSkopeoPushesAndPullsWith() throws IOException {
        Path config = Files.writeString(dir.resolve("config.json"), """
                {"auths": {"registry.example.com": {"auth": "dXNlcjpwdw=="}}, "credHelpers": {"gcr.io": "gcloud"}}
                """);
        String repository = Names.unique("auth/login");

        Command.Result login = BerthCli.run(
                "login", berth.host(), "-u", "admin", "-p", PASSWORD, "--insecure", "--config-file", config.toString());

        assertEquals("Login Succeeded\n", login.out());
        JsonDoc written = JsonDoc.parse(Files.readAllBytes(config));
        assertTrue(decode(written.text("auths", berth.host(), "auth")).startsWith(NULL_GUID + ":"), written::toString);
        assertEquals("dXNlcjpwdw==", written.text("auths", "registry.example.com", "auth"));
        assertEquals("gcloud", written.text("credHelpers", "gcr.io"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));

        Skopeo.run(
                "copy",
                "--dest-tls-verify=false",
                "--authfile",
                config.toString(),
                busybox.reference(),
                berth.docker(repository + ":1"));
        OciLayout back = new OciLayout(dir.resolve("back"));
        Skopeo.run(
                "copy",
                "--src-tls-verify=false",
                "--authfile",
                config.toString(),
                berth.docker(repository + ":1"),
                back.reference());

        assertPulledBack(repository, back);
    }

    @Test
    void berthLoginWithAWrongPasswordExitsWith1AndWritesNothing() {
        Path config = dir.resolve("config.json");

        Command.Result login = BerthCli.attempt(
                "login", berth.host(), "-u", "admin", "-p", "wrong", "--insecure", "--config-file", config.toString());

        assertEquals(3, login.exitCode(), login.describe());
        assertTrue(login.stderr().contains("invalid user name or password"), login.describe());
        assertFalse(Files.exists(config));
    }

    @Test
    void theExposedTokenIsThePasswordOfTheNullGuidUser() {
        String repository = Names.unique("auth/exposed");

        Command.Result login =
                BerthCli.run("login", berth.host(), "-u", "admin", "-p", PASSWORD, "--insecure", "--expose-token");

        JsonDoc exposed = JsonDoc.parse(login.stdout());
        assertEquals(berth.host(), exposed.text("loginServer"));
        String credentials = NULL_GUID + ":" + exposed.text("accessToken");
        Skopeo.run(
                "copy",
                "--dest-tls-verify=false",
                "--dest-creds",
                credentials,
                busybox.reference(),
                berth.docker(repository + ":1"));
        JsonDoc tags = JsonDoc.parse(
                Skopeo.run("list-tags", "--tls-verify=false", "--creds", credentials, berth.docker(repository))
                        .stdout());
        assertEquals(List.of("1"), tags.strings("Tags"));
    }

    @Test
    void theBaseEndpointChallengesWithDockersBearerHeader() {
        Reply reply = registry.get("/v2/").expect(401);

        assertEquals(
                "Bearer realm=\"http://" + berth.host() + "/oauth2/token\",service=\"" + berth.host() + "\"",
                reply.header("WWW-Authenticate"));
    }

    @Test
    void aTokenFromBasicCredentialsReadsItsRepository() {
        String repository = pushWithPassword("auth/token");

        String token = token("repository:" + repository + ":pull");

        registry.get("/v2/", "Authorization", "Bearer " + token).expect(200);
        Reply tags = registry.get("/v2/" + repository + "/tags/list", "Authorization", "Bearer " + token)
                .expect(200);
        assertEquals(List.of("1"), JsonDoc.parse(tags.body()).strings("tags"));
    }

    @Test
    void aTokenWithOneCharacterOfItsSignatureChangedIsRefused() {
        String repository = Names.unique("auth/tampered");
        String token = token("repository:" + repository + ":pull");

        Reply reply = registry.get("/v2/" + repository + "/tags/list", "Authorization", "Bearer " + tamper(token))
                .expect(401);

        assertEquals(
                challenge("repository:" + repository + ":pull", "invalid_token"), reply.header("WWW-Authenticate"));
    }

    @Test
    void aTokenForOneRepositoryDoesNotOpenAnother() {
        String granted = Names.unique("auth/granted");
        String other = Names.unique("auth/other");
        String token = token("repository:" + granted + ":pull");

        Reply reply = registry.get("/v2/" + other + "/tags/list", "Authorization", "Bearer " + token)
                .expect(401);

        assertEquals(
                challenge("repository:" + other + ":pull", "insufficient_scope"), reply.header("WWW-Authenticate"));
    }

    /**
     * Checks that the layout pulled back holds the busybox image as the registry serves it. The manifest may differ
     * from the test layout's: the clients' shared blob-info cache lets skopeo reuse a layer podman pushed to this
     * registry earlier, recompressed (see docs/real-clients.md), so the config is what must match.
     */
    private void assertPulledBack(String repository, OciLayout back) {
        Reply served = registry.get(
                        "/v2/" + repository + "/manifests/1",
                        "Accept",
                        RegistryClient.MANIFEST_TYPES,
                        "Authorization",
                        basic("admin", PASSWORD))
                .expect(200);
        assertEquals(served.header("Docker-Content-Digest"), back.top().digest());
        assertEquals(configDigest(busybox), configDigest(back));
    }

    private static String configDigest(OciLayout layout) {
        return JsonDoc.parse(layout.topBytes()).text("config", "digest");
    }

    /** Pushes the busybox image as {@code admin} to a new repository under the prefix, tagged 1. */
    private String pushWithPassword(String prefix) {
        String repository = Names.unique(prefix);
        Skopeo.run(
                "copy",
                "--dest-tls-verify=false",
                "--dest-creds",
                "admin:" + PASSWORD,
                busybox.reference(),
                berth.docker(repository + ":1"));
        return repository;
    }

    /** An access token for the scope, as a Docker client gets one: GET /oauth2/token with Basic credentials. */
    private String token(String scope) {
        Reply reply = registry.get(
                        "/oauth2/token?service=" + encode(berth.host()) + "&scope=" + encode(scope),
                        "Authorization",
                        basic("admin", PASSWORD))
                .expect(200);
        return JsonDoc.parse(reply.body()).text("token");
    }

    private String challenge(String scope, String error) {
        return "Bearer realm=\"http://" + berth.host() + "/oauth2/token\",service=\"" + berth.host() + "\",scope=\""
                + scope + "\",error=\"" + error + "\"";
    }

    /**
     * The token with one character in the middle of its signature changed; a middle character carries six whole
     * bits of the signature (the last one may carry padding a decoder ignores).
     */
    private static String tamper(String jwt) {
        int signature = jwt.lastIndexOf('.') + 1;
        int at = signature + (jwt.length() - signature) / 2;
        char flipped = jwt.charAt(at) == 'A' ? 'B' : 'A';
        return jwt.substring(0, at) + flipped + jwt.substring(at + 1);
    }

    private Path emptyAuthFile() throws IOException {
        return Files.writeString(dir.resolve("empty-auth.json"), "{\"auths\": {}}");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
