package dev.berth.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.cli.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of an ACR credentials answer, {@code {"username": ..., "passwords": [...]}}: what a registry's admin user
 * ({@code listCredentials}, {@code regenerateCredential}) and a token ({@code generateCredentials}) answer alike.
 */
public final class PasswordRows {
    private PasswordRows() {}

    /** One row per password, each with the user name. */
    public static List<JsonNode> of(JsonNode credentials) {
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode password : credentials.path("passwords")) {
            ObjectNode row =
                    Json.object().put("username", credentials.path("username").asText());
            if (password instanceof ObjectNode fields) {
                row.setAll(fields);
            }
            rows.add(row);
        }
        return rows;
    }
}
