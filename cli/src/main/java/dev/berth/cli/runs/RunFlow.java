package dev.berth.cli.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.cli.api.ApiException;
import dev.berth.cli.command.ApiOptions;
import dev.berth.cli.command.CliFailure;
import dev.berth.cli.command.Session;
import dev.berth.cli.json.Json;
import dev.berth.cli.output.OutputFormat;
import java.io.PrintWriter;

/** Scheduling a run and seeing it through, the same for {@code build} and {@code run}. */
final class RunFlow {
    private RunFlow() {}

    /** The fields every request has: where the source is, the platform, the timeout. */
    static void common(Session session, ObjectNode request, String sourceLocation, RunOptions run, ApiOptions api) {
        request.put("sourceLocation", sourceLocation);
        credentials(session, request, run.registryCredentials);
        String platform = run.platform;
        if (platform != null) {
            String[] parts = platform.split("/", 3);
            ObjectNode node = request.putObject("platform").put("os", parts[0]);
            if (parts.length > 1) {
                node.put("architecture", parts[1]);
            }
            if (parts.length > 2) {
                node.put("variant", parts[2]);
            }
        }
        api.timeoutSeconds().ifPresent(seconds -> request.put("timeout", seconds));
    }

    /** {@code LOGIN_SERVER=USER:PASSWORD} options as ACR's {@code credentials.customRegistries}. */
    private static void credentials(Session session, ObjectNode request, java.util.List<String> options) {
        if (options.isEmpty()) {
            return;
        }
        ObjectNode registries = request.putObject("credentials").putObject("customRegistries");
        for (String option : options) {
            int equals = option.indexOf('=');
            int colon = equals < 0 ? -1 : option.indexOf(':', equals);
            if (equals <= 0 || colon < 0) {
                throw session.usage("--registry-credential takes LOGIN_SERVER=USER:PASSWORD, not "
                        + option.replaceAll(":.*", ":..."));
            }
            ObjectNode entry = registries.putObject(option.substring(0, equals));
            entry.putObject("userName").put("type", "Opaque").put("value", option.substring(equals + 1, colon));
            entry.putObject("password").put("type", "Opaque").put("value", option.substring(colon + 1));
        }
    }

    /**
     * Schedules the run; then, unless {@code --no-wait}, follows its log (to standard error when the output is JSON, so
     * that standard output holds only the run) or waits quietly, prints the result, and fails unless it succeeded.
     */
    static void start(Session session, RunApi runs, ObjectNode request, RunOptions options)
            throws CliFailure, ApiException {
        JsonNode run = runs.schedule(request);
        String id = run.path("name").asText();
        if (options.noWait) {
            session.printer().one(run, RunApi.RUN);
            return;
        }
        boolean json = session.printer().format() == OutputFormat.json;
        JsonNode ended;
        if (options.noLogs) {
            session.note("Queued a run with ID: " + id);
            ended = runs.awaitEnd(id);
        } else {
            PrintWriter log = json ? session.stderr() : session.stdout();
            ended = runs.follow(id, log);
        }
        runs.finish(ended);
    }

    /** A request body for a quick run of a command. */
    static ObjectNode cmdRequest(String cmd) {
        return Json.object().put("type", "CmdRunRequest").put("cmd", cmd);
    }
}
