package dev.berth.http.runs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.installation.ManagementAccess.Level;
import dev.berth.core.json.Json;
import dev.berth.core.runs.Run;
import dev.berth.core.runs.RunRequestJson;
import dev.berth.core.runs.RunStatus;
import dev.berth.core.runs.service.RunService;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.http.manage.ManagementApi;
import dev.berth.http.manage.Routes;
import dev.berth.http.server.Exchange;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registry's runs: {@code POST listBuildSourceUploadUrl}, {@code PUT buildSources/{name}} (the upload URL it
 * answers), {@code POST scheduleRun}, {@code GET runs} ({@code $top}, {@code status} or {@code $filter=status eq
 * 'X'}), {@code GET runs/{runId}}, {@code POST runs/{runId}/cancel} and {@code GET runs/{runId}/log} ({@code
 * offset}, and {@code follow=true} to stream it until the run ends, or until 20 s pass with no output: a client then
 * follows again from the offset it reached), and {@code DELETE runs/{runId}} (an ended run, with its log and uploaded
 * source; 409 while it is Queued or Running). Contributors schedule, cancel and delete; Readers read.
 *
 * <p>A log's offsets count bytes of the run's whole output. A log keeps only its tail (see {@code runs.maxLogSize}):
 * reading from an offset whose bytes were dropped starts at a line saying so, and header {@value #LOG_OFFSET} gives
 * the offset a log response's first byte has, so a reader resumes at that plus what it read.
 */
public final class RunRoutes implements ManagementApi.RouteSet {
    private static final int MAX_BODY = 1024 * 1024;
    private static final int DEFAULT_TOP = 100;
    private static final Duration FOLLOW_POLL = Duration.ofMillis(200);
    /** A followed log that stays silent this long ends, well before a connection's idle timeout; clients resume. */
    private static final Duration FOLLOW_SILENCE = Duration.ofSeconds(20);

    /** The offset of the first byte of a log response. */
    static final String LOG_OFFSET = "X-Berth-Log-Offset";

    private static final int LOG_CHUNK = 64 * 1024;
    private static final Pattern FILTER = Pattern.compile("\\s*status\\s+eq\\s+'([A-Za-z]+)'\\s*");

    private final RunService runs;
    private final long sourceLimit;

    /** @param sourceLimit the largest build source upload accepted, in bytes */
    public RunRoutes(RunService runs, long sourceLimit) {
        this.runs = runs;
        this.sourceLimit = sourceLimit;
    }

    @Override
    public void register(Routes routes) {
        routes.onRegistryExchange(
                        "POST", "listBuildSourceUploadUrl", Level.WRITE, "upload build sources", this::uploadUrl)
                .onRegistryExchange("PUT", "buildSources/{name}", Level.WRITE, "upload build sources", this::upload)
                .onRegistryExchange("POST", "scheduleRun", Level.WRITE, "schedule runs", this::schedule)
                .onRegistryExchange("GET", "runs", Level.READ, "read runs", this::list)
                .onRegistryExchange("GET", "runs/{runId}", Level.READ, "read runs", this::show)
                .onRegistryExchange("DELETE", "runs/{runId}", Level.WRITE, "delete runs", this::delete)
                .onRegistryExchange("POST", "runs/{runId}/cancel", Level.WRITE, "cancel runs", this::cancel)
                .onRegistryExchange("GET", "runs/{runId}/log", Level.READ, "read run logs", this::log);
    }

    private void uploadUrl(RegistryRecord registry, UnaryOperator<String> params, Exchange exchange)
            throws IOException {
        RunService.SourceUpload upload = runs.newSourceUpload();
        String url = exchange.scheme() + "://" + exchange.host() + "/api/registries/" + registry.name()
                + "/buildSources/" + upload.name();
        json(exchange, 200, Map.of("uploadUrl", url, "relativePath", upload.relativePath()));
    }

    private void upload(RegistryRecord registry, UnaryOperator<String> params, Exchange exchange) throws IOException {
        if (exchange.contentLength().orElse(0L) > sourceLimit) {
            throw new RegistryException(
                    ErrorCode.PAYLOAD_TOO_LARGE,
                    "the build source is larger than the " + sourceLimit + " bytes allowed");
        }
        String name = params.apply("name");
        long size = runs.storeSource(registry, name, exchange.body(), sourceLimit);
        json(exchange, 201, Map.of("relativePath", runs.relativePath(name), "size", size));
    }

    private void schedule(RegistryRecord registry, UnaryOperator<String> params, Exchange exchange) throws IOException {
        Run run = runs.schedule(registry, RunRequestJson.read(body(exchange)));
        json(exchange, 200, RunShapes.run(registry.name(), run));
    }

    private void list(RegistryRecord registry, UnaryOperator<String> params, Exchange exchange) throws IOException {
        int top = exchange.query("$top").map(RunRoutes::top).orElse(DEFAULT_TOP);
        json(exchange, 200, RunShapes.list(runs.list(registry, status(exchange), top)));
    }

    private void show(RegistryRecord registry, UnaryOperator<String> params, Exchange exchange) throws IOException {
        json(exchange, 200, RunShapes.run(registry.name(), runs.get(registry, params.apply("runId"))));
    }

    private void cancel(RegistryRecord registry, UnaryOperator<String> params, Exchange exchange) throws IOException {
        json(exchange, 200, RunShapes.run(registry.name(), runs.cancel(registry, params.apply("runId"))));
    }

    private void delete(RegistryRecord registry, UnaryOperator<String> params, Exchange exchange) throws IOException {
        runs.delete(registry, params.apply("runId"));
        exchange.send(204);
    }

    /** A log streamed in bounded parts, from where the reader asked (or the truncation marker), and followed. */
    private void log(RegistryRecord registry, UnaryOperator<String> params, Exchange exchange) throws IOException {
        String runId = params.apply("runId");
        long offset = exchange.query("offset").map(RunRoutes::offset).orElse(0L);
        boolean follow = exchange.query("follow").map(Boolean::parseBoolean).orElse(false);
        long start;
        try (RunService.LogSlice slice = runs.log(registry, runId, offset)) {
            start = slice.start();
            exchange.status(200)
                    .header("Content-Type", "text/plain; charset=utf-8")
                    .header(LOG_OFFSET, Long.toString(start));
            exchange.sendPart(new byte[0]);
            if (!follow) {
                sendAll(slice.bytes(), exchange);
            }
        }
        if (follow) {
            runs.follow(registry, runId, start, exchange::sendPart, FOLLOW_POLL, FOLLOW_SILENCE);
        }
        exchange.endParts();
    }

    private static void sendAll(InputStream in, Exchange exchange) throws IOException {
        byte[] buffer = new byte[LOG_CHUNK];
        for (int n; (n = in.readNBytes(buffer, 0, buffer.length)) > 0; ) {
            exchange.sendPart(java.util.Arrays.copyOf(buffer, n));
        }
    }

    private static Optional<RunStatus> status(Exchange exchange) {
        Optional<String> text = exchange.query("status");
        if (text.isEmpty()) {
            text = exchange.query("$filter").map(RunRoutes::filteredStatus);
        }
        return text.map(t -> RunStatus.of(t)
                .orElseThrow(() -> invalid("status is one of Queued, Running, Succeeded, Failed, Canceled, Error,"
                        + " Timeout, not '" + t + "'")));
    }

    private static String filteredStatus(String filter) {
        Matcher matcher = FILTER.matcher(filter);
        if (!matcher.matches()) {
            throw invalid("$filter supports only status eq '<status>'");
        }
        return matcher.group(1);
    }

    private static int top(String text) {
        try {
            int top = Integer.parseInt(text);
            if (top < 1 || top > 1000) {
                throw invalid("$top is 1 to 1000");
            }
            return top;
        } catch (NumberFormatException e) {
            throw invalid("$top is a number");
        }
    }

    private static long offset(String text) {
        try {
            long offset = Long.parseLong(text);
            if (offset < 0) {
                throw invalid("offset is not negative");
            }
            return offset;
        } catch (NumberFormatException e) {
            throw invalid("offset is a number");
        }
    }

    private static JsonNode body(Exchange exchange) throws IOException {
        byte[] bytes;
        try {
            bytes = exchange.bodyBytes(MAX_BODY);
        } catch (Exchange.BodyTooLargeException e) {
            throw new RegistryException(ErrorCode.PAYLOAD_TOO_LARGE, "the body is larger than 1 MiB");
        }
        try {
            JsonNode node = bytes.length == 0 ? Json.object() : Json.parse(bytes);
            if (!node.isObject()) {
                throw invalid("the body must be a JSON object");
            }
            return node;
        } catch (Json.InvalidJsonException e) {
            throw invalid("the body is not valid JSON");
        }
    }

    private static void json(Exchange exchange, int status, Object body) throws IOException {
        exchange.send(status, "application/json", Json.write(body));
    }

    private static RegistryException invalid(String message) {
        return new RegistryException(ErrorCode.INVALID_REQUEST, message);
    }
}
