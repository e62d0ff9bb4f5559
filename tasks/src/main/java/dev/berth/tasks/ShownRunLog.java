package dev.berth.tasks;

import dev.berth.core.runs.FailureText;
import dev.berth.core.runs.RunLog;
import java.io.IOException;

/**
 * A run's log as its executor and source preparation write it: the lines Berth writes (steps, warnings, failures)
 * pass through the run's {@link FailureText}, so they never show the server's paths or class names; a process's
 * output is written as it came, since its paths are the container's.
 */
final class ShownRunLog implements RunLog {
    private final RunLog log;
    private final FailureText shown;

    ShownRunLog(RunLog log, FailureText shown) {
        this.log = log;
        this.shown = shown;
    }

    @Override
    public void line(String text) throws IOException {
        log.line(shown.apply(text));
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        log.write(bytes);
    }
}
