package dev.berth.cli.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.cli.api.ApiException;
import dev.berth.cli.api.ApiPath;
import dev.berth.cli.api.ApiResponse;
import dev.berth.cli.api.ApiStream;
import dev.berth.cli.command.CliFailure;
import dev.berth.cli.command.Exit;
import dev.berth.cli.command.Session;
import dev.berth.cli.json.Json;
import dev.berth.cli.output.Column;
import dev.berth.cli.output.OutputFormat;
import dev.berth.cli.output.Sizes;
import dev.berth.cli.output.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What {@code build} and {@code run} share: uploading a context, scheduling, following the log, the result. */
final class RunApi {
    static final Table RUN = Table.of(
            Column.at("RUN ID", "/name"),
            Column.at("TYPE", "/properties/runType"),
            Column.at("STATUS", "/properties/status"),
            Column.at("CREATED", "/properties/createTime"),
            Column.at("FINISHED", "/properties/finishTime"),
            Column.at("ERROR", "/properties/runErrorMessage"));
    static final Table IMAGES = Table.of(
            Column.at("RUN ID", "/runId"),
            Column.at("STATUS", "/status"),
            Column.at("IMAGE", "/image"),
            Column.at("DIGEST", "/digest"));
    private static final Set<String> LIVE = Set.of("Queued", "Running");
    private static final Duration POLL = Duration.ofSeconds(1);
    /** The offset, in the run's whole output, of the first byte of a log answer. */
    private static final String LOG_OFFSET = "X-Berth-Log-Offset";

    private final Session session;
    private final String registry;

    RunApi(Session session, String registry) {
        this.session = session;
        this.registry = registry;
    }

    static ApiPath registryPath(String registry) {
        return ApiPath.of("api", "registries", registry);
    }

    static ApiPath runPath(String registry, String runId) {
        return registryPath(registry).add("runs").add(runId);
    }

    /** Packs a local context and uploads it; answers its {@code sourceLocation}. */
    String upload(Path context, String dockerfile) throws CliFailure, ApiException {
        session.note("Packing source code into tar to upload...");
        Path archive = null;
        try {
            archive = Files.createTempFile("berth-context-", ".tar.gz");
            ContextArchive.pack(context, IgnoreFile.of(context), List.of(dockerfile, ".dockerignore"), archive);
            JsonNode place = session.client()
                    .post(registryPath(registry).add("listBuildSourceUploadUrl").toString(), Json.object());
            session.note("Uploading archived source code from '" + archive + "' (" + Sizes.human(Files.size(archive))
                    + ")...");
            session.client().upload(URI.create(place.path("uploadUrl").asText()).getRawPath(), archive);
            return place.path("relativePath").asText();
        } catch (IOException e) {
            throw new CliFailure(Exit.OTHER, "cannot pack " + context + ": " + e.getMessage());
        } finally {
            deleteQuietly(archive);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file; the system cleans it up
            }
        }
    }

    JsonNode schedule(ObjectNode request) throws CliFailure, ApiException {
        return session.client().post(registryPath(registry).add("scheduleRun").toString(), request);
    }

    JsonNode get(String runId) throws CliFailure, ApiException {
        return session.client().get(runPath(registry, runId).toString());
    }

    /**
     * Writes the run's log as it grows until the run ends, asking again from where it got to whenever the server
     * ends the stream early (a silent step, or the log's head dropped past what was read) or the connection drops;
     * answers the ended run. Where an answer starts is the server's {@value #LOG_OFFSET}: later than asked when the
     * log's head was dropped, and then it starts with a line saying so.
     */
    JsonNode follow(String runId, PrintWriter out) throws CliFailure, ApiException {
        long offset = 0;
        while (true) {
            String path = runPath(registry, runId)
                    .add("log")
                    .query("follow", true)
                    .query("offset", offset)
                    .toString();
            ApiStream answer = session.client().stream(path);
            CountingStream in = new CountingStream(answer.body());
            offset = start(answer, offset);
            try (in) {
                copy(in, out);
            } catch (IOException e) {
                // the connection dropped; the run's status says whether to go on
            } finally {
                offset += in.count();
            }
            JsonNode run = get(runId);
            if (!LIVE.contains(status(run)) && offset >= logSize(runId, offset)) {
                return run;
            }
        }
    }

    private static long start(ApiStream answer, long asked) {
        try {
            return answer.header(LOG_OFFSET).map(Long::parseLong).orElse(asked);
        } catch (NumberFormatException e) {
            return asked;
        }
    }

    /** How long the log of an ended run is, at least {@code known}: what is left to read after a dropped stream. */
    private long logSize(String runId, long known) throws CliFailure, ApiException {
        String path = runPath(registry, runId).add("log").query("offset", known).toString();
        ApiResponse answer = session.client().send("GET", path, null, Map.of());
        long start = answer.header(LOG_OFFSET).map(Long::parseLong).orElse(known);
        return Math.max(known, start + answer.body().length);
    }

    private static void copy(InputStream in, PrintWriter out) throws IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        char[] buffer = new char[8192];
        for (int n; (n = reader.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
            out.flush();
        }
    }

    /** Waits, without the log, until the run ends; answers it. */
    JsonNode awaitEnd(String runId) throws CliFailure, ApiException {
        JsonNode run = get(runId);
        while (LIVE.contains(status(run))) {
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliFailure(Exit.OTHER, "interrupted while waiting for run " + runId);
            }
            run = get(runId);
        }
        return run;
    }

    /** Prints the ended run (its images and digests, or the whole run as JSON) and fails unless it succeeded. */
    void finish(JsonNode run) throws CliFailure {
        if (session.printer().format() == OutputFormat.json) {
            session.printer().one(run, RUN);
        } else {
            session.printer().list(imageRows(run), IMAGES);
        }
        if (!status(run).equals("Succeeded")) {
            throw new CliFailure(
                    Exit.RUN_FAILED,
                    "run " + run.path("name").asText() + " ended " + status(run)
                            + (run.at("/properties/runErrorMessage").isTextual()
                                    ? ": "
                                            + run.at("/properties/runErrorMessage")
                                                    .asText()
                                    : ""));
        }
    }

    private static List<JsonNode> imageRows(JsonNode run) {
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode image : run.at("/properties/outputImages")) {
            rows.add(row(run).put(
                            "image",
                            image.path("registry").asText() + "/"
                                    + image.path("repository").asText() + ":"
                                    + image.path("tag").asText())
                    .put("digest", image.path("digest").asText()));
        }
        if (rows.isEmpty()) {
            rows.add(row(run).put("image", "").put("digest", ""));
        }
        return rows;
    }

    private static ObjectNode row(JsonNode run) {
        return Json.object().put("runId", run.path("name").asText()).put("status", status(run));
    }

    static String status(JsonNode run) {
        return run.at("/properties/status").asText();
    }
}
