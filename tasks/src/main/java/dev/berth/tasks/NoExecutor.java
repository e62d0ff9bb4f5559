package dev.berth.tasks;

import dev.berth.core.runs.Run;
import dev.berth.core.runs.RunLog;
import java.nio.file.Path;

/** The executor of a server with no image builder plugged in: every run fails, saying so. */
public final class NoExecutor implements RunExecutor {
    static final String MESSAGE = "this server has no image builder yet, so it cannot carry out runs";

    @Override
    public RunOutcome execute(Run run, Path context, RunLog log, Cancellation cancel) {
        return RunOutcome.failed(MESSAGE);
    }
}
