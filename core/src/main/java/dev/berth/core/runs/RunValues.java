package dev.berth.core.runs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The run's values an image name may use, as in ACR: {@code {{.Run.ID}}}, {@code {{.Run.Registry}}} (the login
 * server), {@code {{.Run.RegistryName}}} and {@code {{.Run.Date}}} (UTC, {@code 20260101-120000z}), and their
 * aliases {@code $ID}, {@code $Registry}, {@code $RegistryName} and {@code $Date}.
 */
public final class RunValues {
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss'z'").withZone(ZoneOffset.UTC);

    private final Map<String, String> values = new LinkedHashMap<>();

    public RunValues(String runId, String loginServer, String registryName, Instant date) {
        values.put("RegistryName", registryName);
        values.put("Registry", loginServer);
        values.put("ID", runId);
        values.put("Date", DATE.format(date));
    }

    /** The text with every value put in. */
    public String substitute(String text) {
        String result = text;
        for (Map.Entry<String, String> value : values.entrySet()) {
            result = result.replaceAll("\\{\\{\\s*\\.Run\\." + value.getKey() + "\\s*}}", value.getValue());
        }
        for (Map.Entry<String, String> value : values.entrySet()) {
            result = result.replace("$" + value.getKey(), value.getValue());
        }
        return result;
    }
}
