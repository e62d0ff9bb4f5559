package dev.berth.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.tasks.ScriptedExecutor;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The management API's runs end to end: a real Berth, its agent and a scripted executor, over HTTP on loopback. */
class RunApiTest {
    static final ScriptedExecutor executor = new ScriptedExecutor();

    @RegisterExtension
    static final RunningBerth berth =
            new RunningBerth(Map.of("tasks.maxSourceSize", "4KiB", "runs.maxLogSize", "4KiB"), executor);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final String ADMIN = "admin:" + RunningBerth.ADMIN_PASSWORD;

    @BeforeAll
    static void aRegistryAndAReader() {
        Cli cli = berth.cli();
        cli.ok("create", "-n", "builds", "--sku", "Basic");
        cli.ok("user", "create", "-n", "rita", "-p", "ritas-password");
        cli.ok(
                "role",
                "assignment",
                "create",
                "--assignee",
                "rita",
                "--role",
                "reader",
                "--scope",
                "/registries/builds");
    }

    static String url(String path) {
        return "http://" + berth.address() + "/api/registries/builds/" + path;
    }

    static HttpResponse<byte[]> send(String user, String method, String path, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : url(path)))
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    static JsonNode json(String method, String path, String body) throws Exception {
        HttpResponse<byte[]> response =
                send(ADMIN, method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        assertTrue(
                response.statusCode() < 300,
                response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8));
        return JSON.readTree(response.body());
    }

    static byte[] context() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            byte[] dockerfile = "FROM busybox\n".getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry entry = new TarArchiveEntry("Dockerfile");
            entry.setSize(dockerfile.length);
            tar.putArchiveEntry(entry);
            tar.write(dockerfile);
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

    static String upload() throws Exception {
        JsonNode place = json("POST", "listBuildSourceUploadUrl", null);
        HttpResponse<byte[]> put = send(ADMIN, "PUT", place.path("uploadUrl").asText(), context());
        assertEquals(201, put.statusCode(), new String(put.body(), StandardCharsets.UTF_8));
        return place.path("relativePath").asText();
    }

    static String buildRequest(String source, long sleepMs) {
        return """
                {"type": "DockerBuildRequest", "imageNames": ["app:{{.Run.ID}}", "app:$RegistryName-latest"],
                 "isPushEnabled": true, "dockerFilePath": "Dockerfile", "sourceLocation": "%s",
                 "arguments": [{"name": "SLEEP_MS", "value": "%d"}, {"name": "TOKEN", "value": "s3cret", "isSecret": true}],
                 "platform": {"os": "Linux", "architecture": "amd64"}}""".formatted(source, sleepMs);
    }

    @Test
    void anUploadedContextIsBuiltWhileItsLogIsFollowed() throws Exception {
        JsonNode run = json("POST", "scheduleRun", buildRequest(upload(), 1500));
        String id = run.path("name").asText();
        assertEquals("Queued", run.at("/properties/status").asText());
        assertEquals("QuickBuild", run.at("/properties/runType").asText());
        assertEquals("*****", run.at("/properties/request/arguments/1/value").asText(), "secrets are never shown");

        List<String> lines = new ArrayList<>();
        boolean finishedBeforeFirstLine;
        HttpRequest follow = HttpRequest.newBuilder(URI.create(url("runs/" + id + "/log?follow=true")))
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(ADMIN.getBytes(StandardCharsets.UTF_8)))
                .build();
        HttpResponse<InputStream> stream = http.send(follow, HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            lines.add(reader.readLine());
            finishedBeforeFirstLine =
                    !status(id).equals("Queued") && !status(id).equals("Running");
            for (String line; (line = reader.readLine()) != null; ) {
                lines.add(line);
            }
        }

        assertFalse(finishedBeforeFirstLine, "the log arrives while the run runs");
        assertEquals("Queued a run with ID: " + id, lines.getFirst());
        assertTrue(lines.contains("Step 1/2 : context holds [Dockerfile]"), lines.toString());
        assertTrue(lines.getLast().startsWith("Run ID: " + id + " was successful after "), lines.toString());
        JsonNode done = json("GET", "runs/" + id, null);
        assertEquals("Succeeded", done.at("/properties/status").asText());
        assertEquals("app", done.at("/properties/outputImages/0/repository").asText());
        assertEquals(id, done.at("/properties/outputImages/0/tag").asText());
        assertEquals("builds-latest", done.at("/properties/outputImages/1/tag").asText());
        assertEquals("linux", done.at("/properties/platform/os").asText());
    }

    private static String status(String id) throws Exception {
        return json("GET", "runs/" + id, null).at("/properties/status").asText();
    }

    @Test
    void aFinishedLogIsReadWholeOrFromAnOffset() throws Exception {
        String id = json("POST", "scheduleRun", "{\"type\": \"CmdRunRequest\", \"cmd\": \"busybox echo hi\"}")
                .path("name")
                .asText();
        while (!status(id).equals("Succeeded")) {
            Thread.sleep(50);
        }

        String whole =
                new String(send(ADMIN, "GET", "runs/" + id + "/log", null).body(), StandardCharsets.UTF_8);
        String rest = new String(
                send(ADMIN, "GET", "runs/" + id + "/log?offset=10", null).body(), StandardCharsets.UTF_8);
        String followed = new String(
                send(ADMIN, "GET", "runs/" + id + "/log?follow=true", null).body(), StandardCharsets.UTF_8);

        assertTrue(whole.startsWith("Queued a run with ID: " + id + "\n"), whole);
        assertEquals(whole.substring(10), rest);
        assertEquals(whole, followed);
    }

    @Test
    void runsAreListedNewestFirstByStatusAndCount() throws Exception {
        String failed = json("POST", "scheduleRun", "{\"type\": \"CmdRunRequest\", \"cmd\": \"fail exit code 2\"}")
                .path("name")
                .asText();
        while (!status(failed).equals("Failed")) {
            Thread.sleep(50);
        }

        JsonNode onlyFailed = json("GET", "runs?$filter=status%20eq%20'Failed'", null);
        JsonNode top1 = json("GET", "runs?$top=1", null);

        assertEquals(failed, onlyFailed.at("/value/0/name").asText());
        assertEquals(
                "exit code 2",
                onlyFailed.at("/value/0/properties/runErrorMessage").asText());
        assertEquals(1, top1.path("value").size());
        assertEquals(400, send(ADMIN, "GET", "runs?status=Sleeping", null).statusCode());
        assertEquals(404, send(ADMIN, "GET", "runs/ca999", null).statusCode());
    }

    @Test
    void aRunningRunIsCanceled() throws Exception {
        String id = json("POST", "scheduleRun", "{\"type\": \"CmdRunRequest\", \"cmd\": \"sleep 60000\"}")
                .path("name")
                .asText();
        while (!status(id).equals("Running")) {
            Thread.sleep(50);
        }

        json("POST", "runs/" + id + "/cancel", null);
        long started = System.nanoTime();
        while (!status(id).equals("Canceled")) {
            Thread.sleep(50);
        }

        assertTrue(System.nanoTime() - started < 15_000_000_000L);
        String log = new String(send(ADMIN, "GET", "runs/" + id + "/log", null).body(), StandardCharsets.UTF_8);
        assertTrue(log.contains("Run ID: " + id + " was canceled after"), log);
    }

    @Test
    void aReaderReadsRunsButMayNotScheduleThem() throws Exception {
        HttpResponse<byte[]> schedule = send(
                "rita:ritas-password",
                "POST",
                "scheduleRun",
                "{\"type\": \"CmdRunRequest\", \"cmd\": \"x\"}".getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> list = send("rita:ritas-password", "GET", "runs", null);

        assertEquals(403, schedule.statusCode());
        assertEquals(200, list.statusCode());
    }

    @Test
    void badRequestsAreRefusedWithTheReason() throws Exception {
        HttpResponse<byte[]> noImages = send(
                ADMIN,
                "POST",
                "scheduleRun",
                "{\"type\": \"DockerBuildRequest\", \"sourceLocation\": \"/dev/null\"}"
                        .getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> unknownSource = send(
                ADMIN,
                "POST",
                "scheduleRun",
                buildRequest("source/" + "f".repeat(32) + ".tar.gz", 0).getBytes(StandardCharsets.UTF_8));
        String tooLargeUrl =
                json("POST", "listBuildSourceUploadUrl", null).path("uploadUrl").asText();
        HttpResponse<byte[]> tooLarge = send(ADMIN, "PUT", tooLargeUrl, new byte[5000]);

        assertEquals(400, noImages.statusCode());
        assertTrue(new String(noImages.body(), StandardCharsets.UTF_8).contains("at least one image name"));
        assertEquals(400, unknownSource.statusCode());
        assertEquals(413, tooLarge.statusCode());
    }

    private static String awaitStatus(String id, String wanted) throws Exception {
        while (!status(id).equals(wanted)) {
            Thread.sleep(50);
        }
        return id;
    }

    @Test
    void aRunIsDeletedWithItsLogAndSourceOnlyOnceItEndedAndOnlyByAContributor() throws Exception {
        String source = upload();
        String id = json("POST", "scheduleRun", buildRequest(source, 60_000))
                .path("name")
                .asText();
        awaitStatus(id, "Running");

        HttpResponse<byte[]> whileRunning = send(ADMIN, "DELETE", "runs/" + id, null);
        json("POST", "runs/" + id + "/cancel", null);
        awaitStatus(id, "Canceled");
        HttpResponse<byte[]> byReader = send("rita:ritas-password", "DELETE", "runs/" + id, null);
        HttpResponse<byte[]> deleted = send(ADMIN, "DELETE", "runs/" + id, null);

        assertEquals(409, whileRunning.statusCode());
        assertTrue(
                new String(whileRunning.body(), StandardCharsets.UTF_8).contains("cancel it"),
                new String(whileRunning.body(), StandardCharsets.UTF_8));
        assertEquals(403, byReader.statusCode());
        assertEquals(204, deleted.statusCode());
        assertEquals(404, send(ADMIN, "GET", "runs/" + id, null).statusCode());
        assertEquals(404, send(ADMIN, "GET", "runs/" + id + "/log", null).statusCode());
        assertEquals(404, send(ADMIN, "DELETE", "runs/" + id, null).statusCode());
        HttpResponse<byte[]> again =
                send(ADMIN, "POST", "scheduleRun", buildRequest(source, 0).getBytes(StandardCharsets.UTF_8));
        assertEquals(400, again.statusCode(), "the run's uploaded source went with it");
    }

    @Test
    void aLogPastItsCapIsReadAsItsTailBehindAMarkerWithTheOffsetItStartsAt() throws Exception {
        String id = json("POST", "scheduleRun", "{\"type\": \"CmdRunRequest\", \"cmd\": \"print 100000\"}")
                .path("name")
                .asText();
        awaitStatus(id, "Succeeded");

        HttpResponse<byte[]> whole = send(ADMIN, "GET", "runs/" + id + "/log", null);
        long start =
                Long.parseLong(whole.headers().firstValue("X-Berth-Log-Offset").orElseThrow());
        String text = new String(whole.body(), StandardCharsets.UTF_8);
        HttpResponse<byte[]> fromZero = send(ADMIN, "GET", "runs/" + id + "/log?offset=0&follow=true", null);
        HttpResponse<byte[]> later = send(ADMIN, "GET", "runs/" + id + "/log?offset=" + (start + 200), null);

        assertTrue(text.startsWith("[berth: log truncated: the first "), text.substring(0, 100));
        assertTrue(text.contains(" bytes) were dropped; the last 4 KiB are kept]\n"), text.substring(0, 120));
        assertTrue(start > 90_000, "the marker stands where the dropped bytes were: " + start);
        assertTrue(text.endsWith(" was successful after 0s\n") || text.contains(" was successful after "));
        assertEquals(text, new String(fromZero.body(), StandardCharsets.UTF_8));
        assertEquals(
                Long.toString(start),
                fromZero.headers().firstValue("X-Berth-Log-Offset").orElseThrow());
        assertEquals(
                Long.toString(start + 200),
                later.headers().firstValue("X-Berth-Log-Offset").orElseThrow());
        assertEquals(text.substring(200), new String(later.body(), StandardCharsets.UTF_8));
    }
}
