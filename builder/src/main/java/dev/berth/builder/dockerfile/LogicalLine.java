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

    /** A line without heredocs. */
    static LogicalLine of(int line, String text) {
        String trimmed = text.strip();
        String[] parts = Words.BLANKS.split(trimmed, 2);
        return new LogicalLine(line, parts[0], parts.length > 1 ? parts[1] : "", trimmed, List.of());
    }

    /** The instruction after {@code ONBUILD}, with this line's heredocs. */
    LogicalLine trigger() {
        LogicalLine inner = of(line, arguments);
        return new LogicalLine(line, inner.keyword(), inner.arguments(), inner.original(), heredocs);
    }

    /** The original text followed by each heredoc's body and delimiter, as the image config stores triggers. */
    String withHeredocBodies() {
        StringBuilder text = new StringBuilder(original);
        heredocs.forEach(h -> text.append('\n').append(h.content()).append(h.name()));
        return text.toString();
    }
}
