package dev.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.core.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds that fail in every way a user can make one fail, through the CLI and the API: what the user sees (the CLI's
 * output, the run's log, its error message) names files by their place in the context or the image, and never shows
 * a path on the server's machine or a Java class name.
 */
@Timeout(600)
class BuildErrorsShowNoHostDetailsTest {
    private static final String PASSWORD = "errors-admin-pw";
    private static final List<String> FORBIDDEN = List.of("/tmp/", "dev.berth.", "Exception", "berth-it-data-");

    @RegisterExtension
    static final EmbeddedBerth berth = EmbeddedBerth.create(
            Map.of("auth.enabled", "true", "auth.adminPassword", PASSWORD, "imports.insecureRegistries", "127.0.0.1"));

    private static final HttpClient http = HttpClient.newHttpClient();
    private static String base;

    @TempDir
    Path dir;

    @BeforeAll
    static void aBaseImage() {
        BerthCli.run("login", berth.host(), "-u", "admin", "-p", PASSWORD, "--insecure");
        base = berth.host() + "/base/busybox:1";
        Skopeo.run(
                "copy",
                "--dest-tls-verify=false",
                "--dest-creds",
                "admin:" + PASSWORD,
                TestImages.busybox().reference(),
                "docker://" + base);
    }

    /** A context directory with these files (a value starting {@code ->} makes a symbolic link). */
    private Path context(String name, Map<String, String> files) throws Exception {
        Path context = Files.createDirectories(dir.resolve(name));
        for (var file : files.entrySet()) {
            Path path = context.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            if (file.getKey().endsWith(".gz")) {
                byte[] text = file.getValue().getBytes(StandardCharsets.UTF_8);
                byte[] gzipMagic = {0x1f, (byte) 0x8b, 0x08, 0x00};
                Files.write(path, gzipMagic);
                Files.write(path, text, java.nio.file.StandardOpenOption.APPEND);
            } else if (file.getValue().startsWith("->")) {
                Files.createSymbolicLink(path, Path.of(file.getValue().substring(2)));
            } else {
                Files.writeString(path, file.getValue().replace("$BASE", base));
            }
        }
        return context;
    }

    /** Builds a context with the CLI; answers everything the user is shown, and checks the build failed. */
    private String failedBuild(String name, Map<String, String> files, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("build", "-r", "default", "-t", "errors/" + name + ":1"));
        args.addAll(List.of(extra));
        args.add(
                extra.length > 0 && extra[extra.length - 1].contains("://")
                        ? ""
                        : context(name, files).toString());
        args.removeIf(String::isEmpty);
        Command.Result result = BerthCli.attempt(args.toArray(String[]::new));
        assertNotEquals(0, result.exitCode(), result.describe());
        return shown(result);
    }

    /** The CLI's output without its own note of where it packed the context on the client's machine. */
    private static String shown(Command.Result result) {
        String err = result.stderr()
                .lines()
                .filter(line -> !line.contains("Uploading archived source code from"))
                .reduce("", (a, b) -> a + b + "\n");
        String runId = result.out()
                .lines()
                .filter(line -> line.startsWith("Queued a run with ID: "))
                .map(line -> line.substring("Queued a run with ID: ".length()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no run: " + result.describe()));
        return result.out() + err + runShown(runId);
    }

    /** The run as the API shows it, and its log. */
    private static String runShown(String runId) {
        return BerthCli.run("run", "show", "-r", "default", "--run-id", runId, "-o", "json")
                        .out()
                + BerthCli.run("run", "logs", "-r", "default", "--run-id", runId)
                        .out();
    }

    private void assertNoHostDetails(String shown) {
        for (String forbidden : FORBIDDEN) {
            assertFalse(shown.contains(forbidden), "shows '" + forbidden + "':\n" + shown);
        }
        assertFalse(shown.contains(berth.dataDir().toString()), "shows the data directory:\n" + shown);
        assertFalse(shown.contains(dir.toString()), "shows the client's context directory:\n" + shown);
    }

    @Test
    void aMissingFileToCopyIsNamedInTheContext() throws Exception {
        String shown = failedBuild("missing", Map.of("Dockerfile", "FROM $BASE\nCOPY missing.txt /\n"));

        assertNoHostDetails(shown);
        assertTrue(shown.contains("missing.txt"), shown);
    }

    @Test
    void aCopyFromOutsideTheContextIsRefusedPlainly() throws Exception {
        String shown = failedBuild("outside", Map.of("Dockerfile", "FROM $BASE\nCOPY ../x /\n"));

        assertNoHostDetails(shown);
    }

    @Test
    void aBrokenSymbolicLinkInTheContext() throws Exception {
        String shown = failedBuild(
                "broken-link", Map.of("Dockerfile", "FROM $BASE\nCOPY link /\n", "link", "->/nonexistent/target"));

        assertNoHostDetails(shown);
    }

    @Test
    void anAddFromAnAddressItMayNotReach() throws Exception {
        String shown =
                failedBuild("add-url", Map.of("Dockerfile", "FROM $BASE\nADD http://127.0.0.1:1/x.tar.gz /x/\n"));

        assertNoHostDetails(shown);
    }

    @Test
    void anArchiveToAddThatIsNotOne() throws Exception {
        String shown = failedBuild(
                "bad-archive",
                Map.of(
                        "Dockerfile",
                        "FROM $BASE\nADD bad.tar.gz /x/\nRUN test -f /x/bad.tar.gz && exit 3\n",
                        "bad.tar.gz",
                        "not really gzip"));

        assertNoHostDetails(shown);
    }

    @Test
    void aBindMountOfSomethingThatIsNotThere() throws Exception {
        String shown = failedBuild(
                "bind", Map.of("Dockerfile", "FROM $BASE\nRUN --mount=type=bind,source=nonexistent,target=/m true\n"));

        assertNoHostDetails(shown);
        assertTrue(shown.contains("nonexistent"), shown);
    }

    @Test
    void aBaseImageThatDoesNotExist() throws Exception {
        String shown =
                failedBuild("bad-from", Map.of("Dockerfile", "FROM " + berth.host() + "/no/such/image:1\nRUN true\n"));

        assertNoHostDetails(shown);
    }

    @Test
    void aDockerfileThatIsNotInTheContext() throws Exception {
        String shown = failedBuild("no-dockerfile", Map.of("Containerfile", "FROM $BASE\n"), "-f", "Dockerfile.dev");

        assertNoHostDetails(shown);
    }

    @Test
    void aGitContextThatDoesNotExist() throws Exception {
        String shown = failedBuild("git", Map.of(), "http://127.0.0.1:1/no/such/repo.git");

        assertNoHostDetails(shown);
    }

    @Test
    void anUploadThatIsNotATarball() throws Exception {
        JsonNode place = api("POST", "/api/registries/default/listBuildSourceUploadUrl", "{}");
        String upload = URI.create(place.path("uploadUrl").asText()).getRawPath();
        send("PUT", upload, "this is not a tarball at all");
        JsonNode run = api("POST", "/api/registries/default/scheduleRun", """
                {"type": "DockerBuildRequest", "imageNames": ["errors/not-tar:1"], "sourceLocation": "%s"}""".formatted(
                        place.path("relativePath").asText()));
        String runId = run.path("name").asText();
        JsonNode ended = run;
        while (ended.at("/properties/status").asText().matches("Queued|Running")) {
            Thread.sleep(200);
            ended = api("GET", "/api/registries/default/runs/" + runId, null);
        }

        assertEquals("Failed", ended.at("/properties/status").asText(), ended.toString());
        assertNoHostDetails(runShown(runId));
    }

    private static JsonNode api(String method, String path, String body) throws Exception {
        HttpResponse<byte[]> response = send(method, path, body);
        assertTrue(response.statusCode() < 300, response.statusCode() + " " + new String(response.body()));
        return Json.parse(response.body());
    }

    private static HttpResponse<byte[]> send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + berth.host() + path))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
