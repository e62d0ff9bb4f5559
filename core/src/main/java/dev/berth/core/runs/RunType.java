package dev.berth.core.runs;

import java.util.Arrays;
import java.util.Optional;

/** What a run does: build (and push) images from a Dockerfile, or run a container from an image. */
public enum RunType {
    QUICK_BUILD("QuickBuild"),
    QUICK_RUN("QuickRun");

    private final String text;

    RunType(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public static Optional<RunType> of(String text) {
        return Arrays.stream(values())
                .filter(t -> t.text.equalsIgnoreCase(text))
                .findFirst();
    }
}
