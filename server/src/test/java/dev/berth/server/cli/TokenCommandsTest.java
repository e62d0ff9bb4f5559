package dev.berth.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** scope-map and token, with their passwords, against a real Berth. */
class TokenCommandsTest {
    @RegisterExtension
    static final RunningBerth berth = new RunningBerth();

    private final Cli cli = berth.cli();

    @BeforeAll
    static void aRegistry() {
        berth.cli().ok("create", "-n", "tokens", "--sku", "Standard");
    }

    @Test
    void scopeMapsAreCreatedShownListedUpdatedAndDeleted() {
        Cli.Result created = cli.ok(
                "scope-map",
                "create",
                "-r",
                "tokens",
                "-n",
                "pull-app",
                "--repository",
                "app",
                "content/read",
                "metadata/read",
                "--repository",
                "team/*",
                "content/read",
                "--description",
                "pulls app");
        JsonNode updated = cli.ok(
                        "scope-map",
                        "update",
                        "-r",
                        "tokens",
                        "-n",
                        "pull-app",
                        "--add-repository",
                        "app",
                        "content/write",
                        "--remove-repository",
                        "team/*",
                        "content/read",
                        "-o",
                        "json")
                .json();
        JsonNode shown = cli.ok("scope-map", "show", "-r", "tokens", "-n", "pull-app", "-o", "json")
                .json();
        List<String> listed = cli.ok("scope-map", "list", "-r", "tokens", "-o", "tsv").lines().stream()
                .map(line -> line.split("\t")[0])
                .toList();
        cli.ok("scope-map", "delete", "-r", "tokens", "-n", "pull-app", "--yes");

        assertEquals(
                List.of("pull-app", "UserDefined", "pulls app"),
                created.rows().getFirst().subList(0, 3));
        assertEquals(
                List.of(
                        "repositories/app/content/read",
                        "repositories/app/metadata/read",
                        "repositories/app/content/write"),
                texts(updated.at("/properties/actions")));
        assertEquals(updated, shown);
        assertTrue(
                listed.containsAll(List.of("_repositories_admin", "_repositories_pull", "pull-app")), listed::toString);
        assertEquals(
                5,
                cli.run("scope-map", "show", "-r", "tokens", "-n", "pull-app").exit());
    }

    @Test
    void scopeMapMistakesAreUsageErrorsAndATakenNameIs6() {
        cli.ok("scope-map", "create", "-r", "tokens", "-n", "taken-map", "--repository", "app", "content/read");

        Cli.Result again =
                cli.run("scope-map", "create", "-r", "tokens", "-n", "taken-map", "--repository", "x", "content/read");
        Cli.Result noAction =
                cli.run("scope-map", "create", "-r", "tokens", "-n", "other-map", "--repository", "a", "b");
        Cli.Result nothing = cli.run("scope-map", "update", "-r", "tokens", "-n", "taken-map");
        Cli.Result system = cli.run("scope-map", "delete", "-r", "tokens", "-n", "_repositories_pull", "--yes");

        assertEquals(6, again.exit(), again::describe);
        assertEquals(2, noAction.exit(), noAction::describe);
        assertTrue(noAction.err().contains("has no action"), noAction::describe);
        assertEquals(2, nothing.exit(), nothing::describe);
        assertEquals(6, system.exit(), system::describe);
    }

    @Test
    void tokenCreateWithRepositoriesMakesItsScopeMapAndPrintsBothPasswordsOnce() throws Exception {
        Cli.Result created =
                cli.ok("token", "create", "-r", "tokens", "-n", "puller", "--repository", "app", "content/read");

        assertEquals(2, created.rows().size(), created::describe);
        List<String> first = created.rows().getFirst();
        assertEquals(List.of("puller", "puller-scope-map", "enabled", "password1"), first.subList(0, 4));
        assertTrue(created.err().contains("created scope map 'puller-scope-map'"), created::describe);
        assertTrue(created.err().contains("shown this once"), created::describe);
        assertEquals(
                List.of("repositories/app/content/read"),
                texts(cli.ok("scope-map", "show", "-r", "tokens", "-n", "puller-scope-map", "-o", "json")
                        .json()
                        .at("/properties/actions")));
        assertEquals(200, signIn("tokens", "puller", first.get(4)), "the printed password works on the login server");
    }

    @Test
    void tokenCreateWithAScopeMapAsJsonHasThePasswordValuesAndShowHasNone() {
        JsonNode created = cli.ok(
                        "token",
                        "create",
                        "-r",
                        "tokens",
                        "-n",
                        "pusher",
                        "--scope-map",
                        "_repositories_push",
                        "-o",
                        "json")
                .json();
        JsonNode shown = cli.ok("token", "show", "-r", "tokens", "-n", "pusher", "-o", "json")
                .json();

        assertEquals(
                "/registries/tokens/scopeMaps/_repositories_push",
                created.at("/properties/scopeMapId").asText());
        assertEquals(2, created.at("/properties/credentials/passwords").size());
        created.at("/properties/credentials/passwords")
                .forEach(p -> assertTrue(p.path("value").isTextual()));
        shown.at("/properties/credentials/passwords").forEach(p -> assertFalse(p.has("value")));
    }

    @Test
    void tokenCreateNeedsExactlyOneScopeAndRefusesATakenName() {
        cli.ok("token", "create", "-r", "tokens", "-n", "twice", "--scope-map", "_repositories_pull");

        assertEquals(
                2, cli.run("token", "create", "-r", "tokens", "-n", "noscope").exit());
        assertEquals(
                2,
                cli.run(
                                "token",
                                "create",
                                "-r",
                                "tokens",
                                "-n",
                                "bothscopes",
                                "--scope-map",
                                "_repositories_pull",
                                "--repository",
                                "app",
                                "content/read")
                        .exit());
        Cli.Result again =
                cli.run("token", "create", "-r", "tokens", "-n", "twice", "--scope-map", "_repositories_pull");
        assertEquals(6, again.exit(), again::describe);
    }

    @Test
    void aTokenTheServerRefusesLeavesNoScopeMapBehind() {
        Cli.Result refused =
                cli.run("token", "create", "-r", "tokens", "-n", "ab", "--repository", "app", "content/read");

        assertEquals(2, refused.exit(), refused::describe);
        assertTrue(refused.err().contains("deleted scope map 'ab-scope-map' again"), refused::describe);
        assertEquals(
                5,
                cli.run("scope-map", "show", "-r", "tokens", "-n", "ab-scope-map")
                        .exit());
    }

    @Test
    void tokensAreListedUpdatedAndDeleted() {
        cli.ok(
                "token",
                "create",
                "-r",
                "tokens",
                "-n",
                "changing",
                "--scope-map",
                "_repositories_pull",
                "--no-passwords");

        Cli.Result disabled = cli.ok(
                "token",
                "update",
                "-r",
                "tokens",
                "-n",
                "changing",
                "--status",
                "disabled",
                "--scope-map",
                "_repositories_push");
        List<List<String>> listed = cli.ok("token", "list", "-r", "tokens").rows();
        Cli.Result deleted = cli.ok("token", "delete", "-r", "tokens", "-n", "changing", "--yes");

        assertEquals(
                List.of("changing", "_repositories_push", "disabled"),
                disabled.rows().getFirst().subList(0, 3));
        assertTrue(listed.stream().anyMatch(row -> row.getFirst().equals("changing")), listed::toString);
        assertEquals("berth token delete: deleted token 'changing'\n", deleted.err());
        assertEquals(
                5, cli.run("token", "show", "-r", "tokens", "-n", "changing").exit());
        assertEquals(
                2, cli.run("token", "update", "-r", "tokens", "-n", "changing").exit());
    }

    @Test
    void credentialGenerateMakesOneOrBothPasswordsWithAnExpiryAndDeleteRemovesOne() {
        cli.ok(
                "token",
                "create",
                "-r",
                "tokens",
                "-n",
                "rotated",
                "--scope-map",
                "_repositories_pull",
                "--no-passwords");

        Cli.Result one = cli.ok(
                "token",
                "credential",
                "generate",
                "-r",
                "tokens",
                "-n",
                "rotated",
                "--password1",
                "--expiration",
                "2031-01-02T03:04:05Z");
        JsonNode both = cli.ok(
                        "token",
                        "credential",
                        "generate",
                        "-r",
                        "tokens",
                        "-n",
                        "rotated",
                        "--expiration-in-days",
                        "30",
                        "-o",
                        "json")
                .json();
        Cli.Result deleted = cli.ok(
                "token", "credential", "delete", "-r", "tokens", "-n", "rotated", "--password2", "--yes", "-o", "tsv");

        assertEquals(1, one.rows().size(), one::describe);
        assertEquals(List.of("rotated", "password1"), one.rows().getFirst().subList(0, 2));
        assertEquals("2031-01-02T03:04:05Z", one.rows().getFirst().get(3));
        assertTrue(one.err().contains("shown this once"), one::describe);
        assertEquals("rotated", both.path("username").asText());
        assertEquals(List.of("password1", "password2"), both.path("passwords").findValuesAsText("name"));
        assertEquals("password1", deleted.out().split("\t")[3].strip());
        assertEquals(
                2,
                cli.run("token", "credential", "delete", "-r", "tokens", "-n", "rotated", "--yes")
                        .exit());
        assertEquals(
                2,
                cli.run("token", "credential", "generate", "-r", "tokens", "-n", "rotated", "--expiration", "soon")
                        .exit());
    }

    @Test
    void aScopeMapAnotherTokenUsesCannotBeDeleted() {
        cli.ok("token", "create", "-r", "tokens", "-n", "holder", "--repository", "held", "content/read");

        Cli.Result inUse = cli.run("scope-map", "delete", "-r", "tokens", "-n", "holder-scope-map", "--yes");

        assertEquals(6, inUse.exit(), inUse::describe);
        assertTrue(inUse.err().contains("(Conflict)"), inUse::describe);
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }

    /** The status of {@code GET /v2/} on the registry's login server, with the token's Basic credentials. */
    static int signIn(String registry, String user, String password) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://" + registry + ".localhost:" + berth.port() + "/v2/"))
                    .header("Authorization", "Basic " + basic)
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }
}
