package dev.berth.builder.layer;

import java.util.ArrayList;
import java.util.List;

/** The warnings of an unpack, capped so that one odd attribute on every file does not flood the result. */
final class Warnings {
    private static final int LIMIT = 100;

    private final List<String> lines = new ArrayList<>();
    private int dropped;

    void add(String line) {
        if (lines.size() < LIMIT) {
            lines.add(line);
        } else {
            dropped++;
        }
    }

    List<String> lines() {
        if (dropped == 0) {
            return lines;
        }
        List<String> all = new ArrayList<>(lines);
        all.add(dropped + " more warnings not shown");
        return all;
    }
}
