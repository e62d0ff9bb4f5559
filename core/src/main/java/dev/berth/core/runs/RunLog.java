package dev.berth.core.runs;

import java.io.IOException;

/** A run's log, written a line at a time; readers see each line as soon as it is written. */
public interface RunLog {
    /** Appends one line (a newline is added). */
    void line(String text) throws IOException;

    /** Appends bytes as they came (a process's output). */
    void write(byte[] bytes) throws IOException;

    /** The last line of a finished run's log, as ACR words it. */
    static String summary(Run run) {
        long seconds = run.elapsed().toSeconds();
        return switch (run.status()) {
            case SUCCEEDED -> "Run ID: " + run.id() + " was successful after " + seconds + "s";
            case CANCELED -> "Run ID: " + run.id() + " was canceled after " + seconds + "s";
            case TIMEOUT -> "Run ID: " + run.id() + " timed out after " + seconds + "s. Error: " + run.errorMessage();
            default -> "Run ID: " + run.id() + " failed after " + seconds + "s. Error: " + run.errorMessage();
        };
    }
}
