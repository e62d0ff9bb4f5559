package dev.berth.core.runs;

import java.util.Arrays;
import java.util.Optional;

/** Where a run is, with ACR's names. Queued and Running are the live states; the others are final. */
public enum RunStatus {
    QUEUED("Queued"),
    RUNNING("Running"),
    SUCCEEDED("Succeeded"),
    FAILED("Failed"),
    CANCELED("Canceled"),
    ERROR("Error"),
    TIMEOUT("Timeout");

    private final String text;

    RunStatus(String text) {
        this.text = text;
    }

    /** ACR's name: {@code Queued}, {@code Succeeded}... */
    public String text() {
        return text;
    }

    public boolean finished() {
        return this != QUEUED && this != RUNNING;
    }

    /** The status of that name, ignoring case. */
    public static Optional<RunStatus> of(String text) {
        return Arrays.stream(values())
                .filter(s -> s.text.equalsIgnoreCase(text))
                .findFirst();
    }
}
