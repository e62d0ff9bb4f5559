package dev.berth.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The columns a command shows, and how rows are laid out under them. */
public record Table(List<Column> columns) {
    public Table {
        columns = List.copyOf(columns);
    }

    public static Table of(Column... columns) {
        return new Table(List.of(columns));
    }

    /** These columns, then {@code more}: a table that shows what another shows and a little besides. */
    public Table with(Column... more) {
        List<Column> all = new ArrayList<>(columns);
        all.addAll(List.of(more));
        return new Table(all);
    }

    /** The header, a rule of dashes, then the rows, columns two spaces apart; the last column is not padded. */
    void printAligned(PrintWriter out, List<? extends JsonNode> rows) {
        List<List<String>> cells = cells(rows);
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = columns.get(i).header().length();
        }
        for (List<String> row : cells) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        line(out, columns.stream().map(Column::header).toList(), widths);
        line(out, Arrays.stream(widths).mapToObj("-"::repeat).toList(), widths);
        cells.forEach(row -> line(out, row, widths));
    }

    /** The rows' cells, tab-separated, without a header. */
    void printTabSeparated(PrintWriter out, List<? extends JsonNode> rows) {
        for (List<String> row : cells(rows)) {
            out.println(String.join("\t", row));
        }
    }

    private List<List<String>> cells(List<? extends JsonNode> rows) {
        List<List<String>> cells = new ArrayList<>();
        for (JsonNode row : rows) {
            cells.add(columns.stream()
                    .map(column -> oneLine(column.value().apply(row)))
                    .toList());
        }
        return cells;
    }

    private static void line(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            line.append(cell);
            if (i < cells.size() - 1) {
                line.append(" ".repeat(widths[i] - cell.length() + 2));
            }
        }
        out.println(line.toString().stripTrailing());
    }

    private static String oneLine(String text) {
        return text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
