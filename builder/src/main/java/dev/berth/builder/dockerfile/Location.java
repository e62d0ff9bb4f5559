package dev.berth.builder.dockerfile;

import java.util.Objects;

/**
 * Where an instruction starts: the Dockerfile's name as given to the parser and its 1-based line. An instruction that
 * spans several lines (continuations, heredocs) is located at its first line.
 */
public record Location(String file, int line) {
    public Location {
        Objects.requireNonNull(file, "file");
        if (line < 0) {
            throw new IllegalArgumentException("line must not be negative: " + line);
        }
    }

    /** {@code Dockerfile:12}, or just the file for line 0 (an error about the whole file). */
    @Override
    public String toString() {
        return line == 0 ? file : file + ":" + line;
    }
}
