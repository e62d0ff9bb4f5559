package dev.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The registry service end to end, through the CLI alone and podman: two registries on different tiers, each
 * reached by its own login server, a locked tag, an import from one to the other, a token that pulls and cannot
 * push, usage, and a registry deleted. Login servers resolve in a hosts file of the test's (see {@link HostsFile}).
 */
class RegistryServiceEndToEndTest {
    private static final String PASSWORD = "registry-service-e2e";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final EmbeddedBerth berth = EmbeddedBerth.withAuth(PASSWORD);

    @RegisterExtension
    final ContainerStore store = ContainerStore.create();

    @Test
    void twoRegistriesOnTwoTiersThroughTheCliAndPodman() throws Exception {
        BerthCli.run("login", berth.host(), "-u", "admin", "-p", PASSWORD, "--insecure");
        BerthCli.run("create", "-n", "alpha", "--sku", "Basic");
        BerthCli.run("create", "-n", "bravo", "--sku", "Premium");
        String alpha = loginServer("alpha");
        String bravo = loginServer("bravo");
        assertEquals("alpha.localhost:" + port(), alpha);
        store.resolving("alpha.localhost", "bravo.localhost");

        String image = store.podman("pull", "-q", TestImages.busybox().reference())
                .out()
                .strip();
        for (String server : new String[] {alpha, bravo}) {
            store.podman("login", "--tls-verify=false", "-u", "admin", "-p", PASSWORD, server);
        }
        store.podman("tag", image, alpha + "/app:1");
        store.podman("push", "--tls-verify=false", alpha + "/app:1");
        store.podman("tag", image, bravo + "/web:1");
        store.podman("push", "--tls-verify=false", bravo + "/web:1");

        assertEquals(
                "app",
                json(BerthCli.run("repository", "list", "-r", "alpha", "-o", "json"))
                        .get(0)
                        .asText());
        assertEquals(
                "web",
                json(BerthCli.run("repository", "list", "-r", "bravo", "-o", "json"))
                        .get(0)
                        .asText());
        assertEquals(
                5,
                BerthCli.attempt("repository", "show", "-r", "bravo", "-n", "app")
                        .exitCode());

        lockedTagRefusesAPush(alpha);
        importFromOneToTheOther(bravo);
        tokenPullsAndCannotPush(image, bravo);

        JsonNode usage = json(BerthCli.run("show-usage", "-n", "bravo", "-o", "json"));
        assertTrue(usageOf(usage, "Size") > 0, usage.toString());
        assertEquals(1, usageOf(usage, "Tokens"), usage.toString());
        JsonNode storage = json(BerthCli.run("show-usage", "-n", "bravo", "--storage", "-o", "json"));
        assertEquals(usageOf(usage, "Size"), storage.path("bytes").asLong(), storage.toString());
        assertTrue(storage.toString().contains("imported/app"), storage.toString());
        JsonNode web =
                json(BerthCli.run("show-usage", "-n", "bravo", "--storage", "--repository", "web", "-o", "json"));
        assertTrue(web.path("bytes").asLong() > 0, web.toString());

        BerthCli.run("delete", "-n", "alpha", "--yes");
        assertEquals(5, BerthCli.attempt("show", "-n", "alpha").exitCode());
        Command.Result gone = store.podmanAttempt("pull", "--tls-verify=false", alpha + "/app:1");
        assertNotEquals(0, gone.exitCode(), gone.stderr());
        store.podman("pull", "-q", "--tls-verify=false", bravo + "/imported/app:1");
    }

    private void lockedTagRefusesAPush(String alpha) throws IOException {
        BerthCli.run("repository", "update", "-r", "alpha", "--image", "app:1", "--write-enabled", "false");
        JsonNode tag = json(BerthCli.run("repository", "show", "-r", "alpha", "--image", "app:1", "-o", "json"));
        assertEquals(false, tag.findValue("writeEnabled").asBoolean(), tag.toString());
        // another manifest (Docker's format instead of OCI's) under the locked tag
        Command.Result refused =
                store.podmanAttempt("push", "--tls-verify=false", "--format", "v2s2", alpha + "/app:1");
        assertNotEquals(0, refused.exitCode(), "a push over a locked tag went through");
        assertTrue(refused.stderr().contains("locked"), refused.stderr());
    }

    private void importFromOneToTheOther(String bravo) throws IOException {
        JsonNode result = json(BerthCli.run(
                "import",
                "-r",
                "bravo",
                "--source-registry",
                "alpha",
                "--source",
                "app:1",
                "-t",
                "imported/app:1",
                "-o",
                "json"));
        assertTrue(result.toString().contains("imported/app:1"), result.toString());
        JsonNode tags =
                json(BerthCli.run("repository", "show-tags", "-r", "bravo", "-n", "imported/app", "-o", "json"));
        assertTrue(tags.toString().contains("\"1\""), tags.toString());
    }

    private void tokenPullsAndCannotPush(String image, String bravo) throws IOException {
        JsonNode token = json(BerthCli.run(
                "token", "create", "-r", "bravo", "-n", "puller", "--repository", "web", "content/read", "-o", "json"));
        String password = token.findValue("value").asText();
        store.podman("logout", bravo);
        store.podman("login", "--tls-verify=false", "-u", "puller", "-p", password, bravo);
        store.podman("pull", "-q", "--tls-verify=false", bravo + "/web:1");
        store.podman("tag", image, bravo + "/web:2");
        Command.Result push = store.podmanAttempt("push", "--tls-verify=false", bravo + "/web:2");
        assertNotEquals(0, push.exitCode(), "a pull-only token pushed");
        Command.Result other = store.podmanAttempt("pull", "--tls-verify=false", bravo + "/imported/app:1");
        assertNotEquals(0, other.exitCode(), "a token for web pulled imported/app");
        store.podman("logout", bravo);
        store.podman("login", "--tls-verify=false", "-u", "admin", "-p", PASSWORD, bravo);
    }

    private static String loginServer(String registry) throws IOException {
        return json(BerthCli.run("show", "-n", registry, "-o", "json"))
                .path("properties")
                .path("loginServer")
                .asText();
    }

    private static long usageOf(JsonNode usage, String name) {
        for (JsonNode line : usage) {
            if (line.path("name").asText().equals(name)) {
                return line.path("currentValue").asLong();
            }
        }
        throw new AssertionError("no usage line " + name + " in " + usage);
    }

    private static int port() {
        return Integer.parseInt(berth.host().substring(berth.host().lastIndexOf(':') + 1));
    }

    private static JsonNode json(Command.Result result) throws IOException {
        return JSON.readTree(result.out());
    }
}
