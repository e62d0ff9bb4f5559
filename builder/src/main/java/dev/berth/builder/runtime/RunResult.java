package dev.berth.builder.runtime;

import java.time.Duration;

/**
 * How a run ended.
 *
 * @param exitCode the process's exit code; 128 + signal number when a signal killed it (137 for a kill after timeout
 *     or cancellation)
 * @param ending whether it exited on its own, timed out or was cancelled
 * @param duration wall-clock time from starting the runtime to the end, overhead included
 */
public record RunResult(int exitCode, Ending ending, Duration duration) {

    /** Why the process ended. */
    public enum Ending {
        /** The process exited on its own (or a signal from inside killed it). */
        EXITED,
        /** {@link RunSpec#timeout()} passed and the container was killed. */
        TIMED_OUT,
        /** {@link RunSpec#cancellation()} fired and the container was killed. */
        CANCELLED
    }

    /** True when the process exited on its own with code 0. */
    public boolean succeeded() {
        return ending == Ending.EXITED && exitCode == 0;
    }
}
