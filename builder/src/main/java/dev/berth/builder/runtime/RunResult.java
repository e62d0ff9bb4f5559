package dev.berth.builder.runtime;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a run ended.
 *
 * @param exitCode the process's exit code; 128 + signal number when a signal killed it (137 for a kill after timeout,
 *     cancellation or an exceeded limit)
 * @param ending whether it exited on its own, timed out, was cancelled or exceeded a limit
 * @param duration wall-clock time from starting the runtime to the end, overhead included
 * @param exceeded the limit the run exceeded, present exactly when {@code ending} is {@link Ending#LIMIT_EXCEEDED}
 */
public record RunResult(int exitCode, Ending ending, Duration duration, Optional<Limit> exceeded) {

    /** Why the process ended. */
    public enum Ending {
        /** The process exited on its own (or a signal from inside killed it). */
        EXITED,
        /** {@link RunSpec#timeout()} passed and the container was killed. */
        TIMED_OUT,
        /** {@link RunSpec#cancellation()} fired and the container was killed. */
        CANCELLED,
        /** The run went past one of {@link RunSpec#limits()} and was stopped (or failed because of it). */
        LIMIT_EXCEEDED
    }

    public RunResult {
        Objects.requireNonNull(ending, "ending");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(exceeded, "exceeded");
        if (exceeded.isPresent() != (ending == Ending.LIMIT_EXCEEDED)) {
            throw new IllegalArgumentException("a limit is named exactly when the ending is LIMIT_EXCEEDED");
        }
    }

    /** A run that ended within its limits. */
    public RunResult(int exitCode, Ending ending, Duration duration) {
        this(exitCode, ending, duration, Optional.empty());
    }

    /** True when the process exited on its own with code 0. */
    public boolean succeeded() {
        return ending == Ending.EXITED && exitCode == 0;
    }
}
