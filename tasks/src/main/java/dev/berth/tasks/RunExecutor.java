package dev.berth.tasks;

import dev.berth.core.runs.Run;
import dev.berth.core.runs.RunLog;
import java.nio.file.Path;

/**
 * Carries out one run: builds and pushes the images of a quick build, or runs the command of a quick run. The agent
 * prepares the context and records the end; the executor only does the work and writes its progress to the log.
 *
 * <p>When the run is canceled or times out, the agent signals {@code cancel} and interrupts the thread; the executor
 * should stop soon after (stopping any process it started) and may return anything or throw.
 */
@FunctionalInterface
public interface RunExecutor {
    /**
     * @param context the run's build context, extracted into a private directory (empty for none); the executor
     *     may change it, and it is deleted after the run
     * @return the images pushed, or the reason it failed, worded for the user
     * @throws Exception a failure the executor did not foresee: the run ends as Error, with the message logged
     */
    RunOutcome execute(Run run, Path context, RunLog log, Cancellation cancel) throws Exception;
}
