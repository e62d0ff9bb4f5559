package dev.berth.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class PrinterTest {
    private static final Table TABLE =
            Table.of(Column.at("NAME", "/name"), Column.at("TAGS", "/tags"), Column.at("STATE", "/properties/state"));

    private final JsonNode rows = json("""
            [{"name": "app", "tags": ["1", "2"], "properties": {"state": "ok"}},
             {"name": "a-longer-name", "tags": [], "properties": {}}]""");

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String print(OutputFormat format, JsonNode list) {
        StringWriter out = new StringWriter();
        new Printer(new PrintWriter(out), format).list(list, TABLE);
        return out.toString();
    }

    @Test
    void aTableAlignsItsColumnsUnderAHeaderAndARule() {
        assertEquals("""
                NAME           TAGS  STATE
                -------------  ----  -----
                app            1, 2  ok
                a-longer-name
                """, print(OutputFormat.table, rows));
    }

    @Test
    void tsvHasNoHeaderAndOneTabBetweenValues() {
        assertEquals("app\t1, 2\tok\na-longer-name\t\t\n", print(OutputFormat.tsv, rows));
    }

    @Test
    void jsonIsTheAnswerIndented() {
        assertEquals(rows, json(print(OutputFormat.json, rows)));
    }

    @Test
    void anEmptyListIsAHeaderAloneOrNothing() {
        assertEquals("NAME  TAGS  STATE\n----  ----  -----\n", print(OutputFormat.table, json("[]")));
        assertEquals("", print(OutputFormat.tsv, json("[]")));
    }

    @Test
    void tabsAndLineBreaksInValuesDoNotBreakTheLayout() {
        assertEquals("a b c\t\t\n", print(OutputFormat.tsv, json("[{\"name\": \"a\\tb\\nc\"}]")));
    }

    @Test
    void sizesAreForPeople() {
        assertEquals("512 B", Sizes.human(512));
        assertEquals("1.5 KiB", Sizes.human(1536));
        assertEquals("2.0 GiB", Sizes.human(2L << 30));
    }
}
