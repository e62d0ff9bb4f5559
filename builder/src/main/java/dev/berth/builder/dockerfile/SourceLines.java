package dev.berth.builder.dockerfile;

import java.util.List;

/** A Dockerfile's physical lines (newlines and a leading byte-order mark removed), read one after the other. */
final class SourceLines {
    private final List<String> lines;
    private int next;

    SourceLines(String text) {
        String withoutBom = text.startsWith("\uFEFF") ? text.substring(1) : text;
        this.lines = List.of(withoutBom.split("\r?\n", -1));
    }

    List<String> all() {
        return lines;
    }

    boolean hasNext() {
        return next < lines.size();
    }

    String next() {
        return lines.get(next++);
    }

    /** The 1-based number of the line {@link #next()} returned last. */
    int lineNumber() {
        return next;
    }
}
