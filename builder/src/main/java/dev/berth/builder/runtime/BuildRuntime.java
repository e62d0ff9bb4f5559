package dev.berth.builder.runtime;

import java.io.IOException;

/**
 * Runs one process of a build step over a prepared root filesystem, isolated from the host: its own pid, ipc, uts,
 * mount and (unless {@link NetworkMode#HOST} is asked for) network namespaces, seeing nothing of the host's files
 * but what {@link RunSpec#mounts()} bind in.
 *
 * <p>The process's stdout and stderr go to the {@link OutputSink} chunk by chunk as they arrive, never buffered whole.
 * A run always ends: by the process exiting, by {@link RunSpec#timeout()}, or by {@link RunSpec#cancellation()}; in
 * the last two cases the whole container is killed and the result says why. Whatever happens, including an interrupt
 * of the calling thread, the runtime's own state (bundle, state directory) is removed before {@code run} returns.
 * Files the process wrote stay in {@link RunSpec#rootfs()}, owned as the process's user wrote them.
 *
 * <p>Implementations are safe for concurrent runs. Every implementation passes {@code BuildRuntimeContract}.
 */
public interface BuildRuntime {

    /**
     * Runs the process the spec describes and waits for it to end.
     *
     * @throws BuildRuntimeException when the process could not be started (command not found, exec format error, a
     *     root filesystem that is not one, an unknown user, the runtime missing or not usable on this machine); the
     *     message says why in words a build log can show
     * @throws IOException when the runtime's own files cannot be written
     * @throws InterruptedException when the calling thread is interrupted; the container is killed and cleaned first
     */
    RunResult run(RunSpec spec, OutputSink output) throws IOException, InterruptedException;

    /**
     * Checks, without running anything, that this runtime can work here (binary present, root or user namespaces).
     *
     * @throws BuildRuntimeException saying what is missing
     */
    void check() throws BuildRuntimeException;
}
