package dev.berth.cli.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.cli.output.Column;
import dev.berth.cli.output.Table;
import java.util.ArrayList;
import java.util.List;

/** The tables of the token and scope-map commands. */
final class TokenViews {
    static final Table SCOPE_MAP = Table.of(
            Column.at("NAME", "/name"),
            Column.at("TYPE", "/properties/type"),
            Column.at("DESCRIPTION", "/properties/description"),
            Column.at("ACTIONS", "/properties/actions"));

    /** What every table of a token starts with. */
    private static final Table TOKEN_ITSELF = Table.of(
            Column.at("NAME", "/name"),
            new Column("SCOPE MAP", row -> lastSegment(row.path("properties").path("scopeMapId"))),
            Column.at("STATUS", "/properties/status"));

    static final Table TOKEN = TOKEN_ITSELF.with(new Column("PASSWORDS", TokenViews::passwordNames));

    /** One row per password, with the token's columns, when passwords were just made. */
    static final Table TOKEN_WITH_PASSWORDS = TOKEN_ITSELF.with(
            Column.at("PASSWORD", "/password/name"),
            Column.at("VALUE", "/password/value"),
            Column.at("EXPIRY", "/password/expiry"));

    static final Table GENERATED = Table.of(
            Column.at("USERNAME", "/username"),
            Column.at("PASSWORD", "/name"),
            Column.at("VALUE", "/value"),
            Column.at("EXPIRY", "/expiry"));

    private TokenViews() {}

    /** The token once per password (each row with {@code password}); the token alone when it has none. */
    static List<JsonNode> perPassword(JsonNode token) {
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode password : token.path("properties").path("credentials").path("passwords")) {
            ObjectNode row = token.deepCopy();
            row.set("password", password);
            rows.add(row);
        }
        return rows.isEmpty() ? List.of(token) : rows;
    }

    static boolean hasPasswordValues(JsonNode token) {
        for (JsonNode password : token.path("properties").path("credentials").path("passwords")) {
            if (password.path("value").isTextual()) {
                return true;
            }
        }
        return false;
    }

    private static String passwordNames(JsonNode token) {
        List<String> names = new ArrayList<>();
        token.path("properties")
                .path("credentials")
                .path("passwords")
                .forEach(p -> names.add(p.path("name").asText()));
        return String.join(", ", names);
    }

    private static String lastSegment(JsonNode id) {
        String text = id.asText("");
        return text.substring(text.lastIndexOf('/') + 1);
    }
}
