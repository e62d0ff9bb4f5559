package dev.berth.builder.runtime.runc;

import dev.berth.builder.runtime.BuildRuntimeException;
import dev.berth.builder.runtime.Cancellation;
import dev.berth.builder.runtime.Limit;
import dev.berth.builder.runtime.OutputSink;
import dev.berth.builder.runtime.ResourceLimits;
import dev.berth.builder.runtime.RunResult;
import dev.berth.builder.runtime.RunResult.Ending;
import dev.berth.builder.runtime.RunSpec;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * One {@code runc run} of a written bundle: starts it, pumps its output, enforces the timeout and the cancellation by
 * killing the container, and tells runc's own failures (in its log) from the process's exit code.
 */
public final class RuncRun {

    private static final Duration KILL_RETRY = Duration.ofMillis(100);
    private static final Duration KILL_PATIENCE = Duration.ofSeconds(10);
    private static final Pattern EXEC_FAILED = Pattern.compile("exec /\\S*: [a-z ]+");

    private final RuncCommands commands;
    private final String id;
    private final Path bundle;
    private static final int SIGXCPU = 24;
    private static final int SIGXFSZ = 25;

    private final AtomicReference<Ending> stopped = new AtomicReference<>();
    private final AtomicReference<Limit> exceeded = new AtomicReference<>();
    private Process process;

    public RuncRun(RuncCommands commands, String id, Path bundle) {
        this.commands = commands;
        this.id = id;
        this.bundle = bundle;
    }

    public RunResult execute(RunSpec spec, ResourceUsage usage, OutputSink sink)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        process = start();
        OutputPump pump = new OutputPump(process, sink);
        Optional<Limit> afterExit;
        try (Cancellation.Registration registration =
                        spec.cancellation().onCancel(() -> stopInBackground(Ending.CANCELLED));
                LimitWatcher watcher = LimitWatcher.start(usage, spec.limits(), this::limitExceeded, id)) {
            waitForExit(spec.timeout());
            pump.await();
            afterExit = watcher.afterExit();
        } catch (InterruptedException e) {
            stopped.compareAndSet(null, Ending.CANCELLED);
            kill();
            throw e;
        }
        Duration duration = Duration.ofNanos(System.nanoTime() - started);
        Ending ending = Optional.ofNullable(stopped.get()).orElse(Ending.EXITED);
        Optional<String> runcError = RuncLog.error(log()).or(() -> execFailure(pump));
        if (ending == Ending.EXITED && runcError.isPresent()) {
            throw new BuildRuntimeException(runcError.get());
        }
        if (ending == Ending.EXITED && process.exitValue() != 0) {
            Optional<Limit> limit = afterExit.or(() -> killedByRlimit(spec.limits(), process.exitValue()));
            if (limit.isPresent()) {
                exceeded.compareAndSet(null, limit.get());
                ending = Ending.LIMIT_EXCEEDED;
            }
        }
        Optional<Limit> limit = ending == Ending.LIMIT_EXCEEDED ? Optional.of(exceeded.get()) : Optional.empty();
        return new RunResult(process.exitValue(), ending, duration, limit);
    }

    /** The watcher saw a limit passed: stop the container, remembering which limit. */
    private void limitExceeded(Limit limit) {
        exceeded.compareAndSet(null, limit);
        stopInBackground(Ending.LIMIT_EXCEEDED);
    }

    /** The init process died of the signal an rlimit backstop sends: SIGXFSZ for file size, SIGXCPU for CPU time. */
    private static Optional<Limit> killedByRlimit(ResourceLimits limits, int exitCode) {
        if (exitCode == 128 + SIGXFSZ && limits.limits(Limit.DISK)) {
            return Optional.of(Limit.DISK);
        }
        if (exitCode == 128 + SIGXCPU && limits.limits(Limit.CPU_TIME)) {
            return Optional.of(Limit.CPU_TIME);
        }
        return Optional.empty();
    }

    /**
     * runc 1.1 reports a failed final {@code execve} (exec format error, permission denied) not in its log but as
     * the container's last stderr line, {@code exec <path>: <reason>}, with exit code 1.
     */
    private Optional<String> execFailure(OutputPump pump) {
        String line = pump.lastStderrLine();
        boolean failed = process.exitValue() == 1 && EXEC_FAILED.matcher(line).matches();
        return failed ? Optional.of("unable to start container process: " + line) : Optional.empty();
    }

    private Process start() throws BuildRuntimeException {
        try {
            return new ProcessBuilder(commands.run(bundle, log(), id))
                    .redirectInput(new File("/dev/null"))
                    .start();
        } catch (IOException e) {
            throw new BuildRuntimeException(
                    "cannot start runc (" + commands.options().runc() + "): " + e.getMessage(), e);
        }
    }

    private void waitForExit(Optional<Duration> timeout) throws InterruptedException {
        if (timeout.isPresent() && !process.waitFor(timeout.get().toNanos(), TimeUnit.NANOSECONDS)) {
            stopInBackground(Ending.TIMED_OUT);
        }
        process.waitFor();
    }

    private void stopInBackground(Ending reason) {
        if (stopped.compareAndSet(null, reason)) {
            Thread.ofVirtual().name("runc-kill-" + id).start(this::kill);
        }
    }

    /**
     * Kills the container until runc run ends: the first kill may come before runc has created it. If runc does not
     * end, destroys it and force-deletes the container, which kills what runc left behind.
     */
    private void kill() {
        boolean interrupted = Thread.interrupted();
        try {
            killUntilGone();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void killUntilGone() {
        long deadline = System.nanoTime() + KILL_PATIENCE.toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            HostProcesses.runQuietly(commands.kill(id), KILL_PATIENCE);
            if (waitQuietly(KILL_RETRY)) {
                return;
            }
        }
        process.destroyForcibly();
        HostProcesses.runQuietly(commands.delete(id), KILL_PATIENCE);
    }

    private boolean waitQuietly(Duration limit) {
        try {
            return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            return !process.isAlive();
        }
    }

    private Path log() {
        return bundle.resolve("runc-log.json");
    }
}
