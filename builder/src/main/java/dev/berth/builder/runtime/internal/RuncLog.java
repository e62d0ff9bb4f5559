package dev.berth.builder.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.core.json.Json;
import dev.berth.core.json.Json.InvalidJsonException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * runc's own log ({@code --log <file> --log-format json}), one JSON object a line. An {@code error} line means runc
 * itself failed (the process never started, or runc could not run it), as opposed to the process exiting non-zero.
 */
public final class RuncLog {

    private static final String RUN_FAILED = "runc run failed: ";

    private RuncLog() {}

    /** The last error runc logged, in words for a build log, or empty when it logged none. */
    public static Optional<String> error(Path log) throws IOException {
        if (!Files.isRegularFile(log)) {
            return Optional.empty();
        }
        Optional<String> last = Optional.empty();
        for (String line : Files.readAllLines(log)) {
            Optional<String> error = errorMessage(line);
            if (error.isPresent()) {
                last = error;
            }
        }
        return last.map(RuncLog::clean);
    }

    private static Optional<String> errorMessage(String line) {
        if (line.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode entry = Json.parse(line.getBytes(StandardCharsets.UTF_8));
            if (entry.path("level").asText().matches("error|fatal")) {
                return Optional.of(entry.path("msg").asText());
            }
        } catch (InvalidJsonException e) {
            return Optional.of(line);
        }
        return Optional.empty();
    }

    private static String clean(String message) {
        return message.startsWith(RUN_FAILED) ? message.substring(RUN_FAILED.length()) : message;
    }
}
