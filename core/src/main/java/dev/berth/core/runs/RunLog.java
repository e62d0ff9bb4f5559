package dev.berth.core.runs;

import dev.berth.core.spi.RunFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** A run's log, written a line at a time; readers see each line as soon as it is appended. */
public final class RunLog {
    private final RunFiles files;
    private final String key;

    public RunLog(RunFiles files, long registryId, String runId) {
        this.files = files;
        this.key = RunKeys.log(registryId, runId);
    }

    /** Appends one line (a newline is added). */
    public void line(String text) throws IOException {
        write((text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Appends bytes as they came (a process's output). */
    public synchronized void write(byte[] bytes) throws IOException {
        files.append(key, bytes);
    }

    /** The last line of a finished run's log, as ACR words it. */
    public static String summary(Run run) {
        long seconds = run.elapsed().toSeconds();
        return switch (run.status()) {
            case SUCCEEDED -> "Run ID: " + run.id() + " was successful after " + seconds + "s";
            case CANCELED -> "Run ID: " + run.id() + " was canceled after " + seconds + "s";
            case TIMEOUT -> "Run ID: " + run.id() + " timed out after " + seconds + "s. Error: " + run.errorMessage();
            default -> "Run ID: " + run.id() + " failed after " + seconds + "s. Error: " + run.errorMessage();
        };
    }
}
