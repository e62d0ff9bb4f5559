package dev.berth.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.cli.json.Json;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Prints a command's result on standard output in the format asked for. */
public final class Printer {
    private final PrintWriter out;
    private final OutputFormat format;

    public Printer(PrintWriter out, OutputFormat format) {
        this.out = out;
        this.format = format;
    }

    public OutputFormat format() {
        return format;
    }

    /** One object: a table of one row, or the object itself as JSON. */
    public void one(JsonNode object, Table table) {
        print(object, table, List.of(object));
    }

    /** A list: a table of its items, or the array as JSON. */
    public void list(JsonNode array, Table table) {
        print(array, table, rows(array));
    }

    /** Items gathered from several pages: a table of them, or them as one JSON array. */
    public void list(List<? extends JsonNode> items, Table table) {
        print(Json.array().addAll(items), table, items);
    }

    /** The items of an array (none for anything else), in a list that may be added to. */
    public static List<JsonNode> rows(JsonNode array) {
        List<JsonNode> rows = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(rows::add);
        }
        return rows;
    }

    /**
     * The general case: {@code json} as JSON; else {@code rows} under the table's columns (a token and its passwords
     * as one row per password, say).
     */
    public void print(JsonNode json, Table table, List<? extends JsonNode> rows) {
        switch (format) {
            case json -> out.print(new String(Json.print(json, "  "), StandardCharsets.UTF_8));
            case tsv -> table.printTabSeparated(out, rows);
            case table -> table.printAligned(out, rows);
        }
        out.flush();
    }
}
