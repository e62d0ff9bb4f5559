package dev.berth.builder.dockerfile;

import java.util.List;

/**
 * One instruction's text: its physical lines joined (continuations, comments and empty continuation lines removed),
 * split into keyword and arguments, with the here-documents that followed it.
 *
 * @param line where it starts
 * @param keyword the first word, as written
 * @param arguments the rest, flags included, left-trimmed
 * @param original the whole joined line, trimmed
 */
record LogicalLine(int line, String keyword, String arguments, String original, List<Heredoc> heredocs) {
    LogicalLine {
        heredocs = List.copyOf(heredocs);
    }

    /** The same line without heredocs, as an instruction on its own ({@code ONBUILD}'s trigger). */
    static LogicalLine of(int line, String text) {
        String trimmed = text.strip();
        String[] parts = Words.BLANKS.split(trimmed, 2);
        return new LogicalLine(line, parts[0], parts.length > 1 ? parts[1] : "", trimmed, List.of());
    }
}
