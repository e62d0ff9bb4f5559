package dev.berth.metadata.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.core.json.Json;
import dev.berth.core.runs.OutputImage;
import dev.berth.core.runs.Platform;
import dev.berth.core.runs.Run;
import dev.berth.core.runs.RunRequestJson;
import dev.berth.core.runs.RunStatus;
import dev.berth.core.runs.RunType;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A run as a row of {@code runs}, and back. */
final class RunRows {
    static final String SELECT = "SELECT registry_id, run_id, status, run_type, created_at, started_at, finished_at,"
            + " updated_at, output_images, platform, error_message, request, agent, lease_until, cancel_requested"
            + " FROM runs ";
    static final String INSERT = "INSERT INTO runs (registry_id, run_id, status, run_type, created_at, started_at,"
            + " finished_at, updated_at, output_images, platform, error_message, request, agent, lease_until,"
            + " cancel_requested) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private RunRows() {}

    static Object[] values(Run run) {
        return new Object[] {
            run.registryId(),
            run.id(),
            run.status().text(),
            run.type().text(),
            run.created().toEpochMilli(),
            millis(run.started()),
            millis(run.finished()),
            run.updated().toEpochMilli(),
            outputs(run.outputImages()),
            run.platform().toString(),
            run.errorMessage(),
            Json.writeString(RunRequestJson.write(run.request())),
            run.agent().orElse(null),
            millis(run.leaseUntil()),
            run.cancelRequested()
        };
    }

    static Run run(ResultSet row) throws SQLException {
        return new Run(
                row.getLong(1),
                row.getString(2),
                RunStatus.of(row.getString(3)).orElseThrow(),
                RunType.of(row.getString(4)).orElseThrow(),
                Instant.ofEpochMilli(row.getLong(5)),
                instant(row, 6),
                instant(row, 7),
                Instant.ofEpochMilli(row.getLong(8)),
                outputs(row.getString(9)),
                Platform.parse(row.getString(10)),
                row.getString(11),
                RunRequestJson.read(json(row.getString(12))),
                Optional.ofNullable(row.getString(13)),
                instant(row, 14),
                row.getBoolean(15));
    }

    static Long millis(Optional<Instant> instant) {
        return instant.map(Instant::toEpochMilli).orElse(null);
    }

    static String outputs(List<OutputImage> images) {
        return Json.writeString(images);
    }

    private static List<OutputImage> outputs(String text) {
        List<OutputImage> images = new ArrayList<>();
        for (JsonNode image : json(text)) {
            images.add(new OutputImage(
                    image.path("registry").asText(),
                    image.path("repository").asText(),
                    image.path("tag").asText(),
                    image.path("digest").asText()));
        }
        return images;
    }

    private static Optional<Instant> instant(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(value));
    }

    private static JsonNode json(String text) {
        return Json.parse(text.getBytes(StandardCharsets.UTF_8));
    }
}
