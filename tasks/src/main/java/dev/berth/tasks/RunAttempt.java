package dev.berth.tasks;

import dev.berth.core.runs.FailureText;
import dev.berth.core.runs.OutputImage;
import dev.berth.core.runs.Run;
import dev.berth.core.runs.RunLog;
import dev.berth.core.runs.RunStatus;
import dev.berth.core.runs.service.FileRunLog;
import dev.berth.core.spi.RunFiles;
import dev.berth.core.spi.RunStore;
import dev.berth.tasks.sources.SourceException;
import dev.berth.tasks.sources.SourcePreparer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Carries out one claimed run: the work (source, then executor) on a thread of its own, watched by the agent's
 * thread, which renews the lease, stops the work on cancel or timeout, and records the end with the log's last line.
 */
final class RunAttempt {
    private static final System.Logger LOG = System.getLogger(RunAttempt.class.getName());
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    /** How often, at most, the lease is renewed and a cancel looked for: a cancel takes effect within this. */
    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);

    private final String agent;
    private final RunStore store;
    private final RunFiles files;
    private final SourcePreparer sources;
    private final RunExecutor executor;
    private final AgentSettings settings;
    private final Clock clock;
    private final Cancellation cancel = new Cancellation();

    /** How the run ended, before it is recorded. */
    private record Ending(RunStatus status, List<OutputImage> images, String error) {
        static Ending of(RunStatus status, String error) {
            return new Ending(status, List.of(), error);
        }

        /** The same ending with its message as the user may see it. */
        Ending shown(FailureText text) {
            return new Ending(status, images, text.apply(error));
        }
    }

    /**
     * How the server's paths are shown in what a run tells its user: the run's context relative to it, anything
     * else under the agents' work directory or the machine's temporary directory by its last name.
     */
    private FailureText shownPaths(Path dir) {
        return FailureText.plain()
                .relativeTo(dir.resolve("context"))
                .hiding(settings.workDir())
                .hiding(Path.of(System.getProperty("java.io.tmpdir")));
    }

    RunAttempt(String agent, Crew crew) {
        this.agent = agent;
        this.store = crew.store();
        this.files = crew.files();
        this.sources = crew.sources();
        this.executor = crew.executor();
        this.settings = crew.settings();
        this.clock = crew.clock();
    }

    void carryOut(Run run) throws IOException, InterruptedException {
        FileRunLog log = new FileRunLog(files, run.registryId(), run.id(), settings.maxLogSize());
        Path dir = settings.workDir().resolve(run.registryId() + "-" + run.id());
        FailureText shown = shownPaths(dir);
        RunLog shownLog = new ShownRunLog(log, shown);
        log.line("Run ID: " + run.id() + " is running on agent " + agent);
        FutureTask<RunOutcome> work =
                new FutureTask<>(() -> executor.execute(run, sources.prepare(run, dir, shownLog), shownLog, cancel));
        Thread worker = Thread.ofVirtual().name("berth-run-" + run.id()).start(work);
        try {
            Optional<Ending> ending = watch(run, work, worker);
            if (ending.isPresent()) {
                record(run, ending.get().shown(shown), log);
            }
        } finally {
            sources.remove(dir);
        }
    }

    /** How the work ended, or empty when the run is no longer this agent's to record. */
    private Optional<Ending> watch(Run run, FutureTask<RunOutcome> work, Thread worker) throws IOException {
        Instant deadline = run.started().orElse(clock.instant()).plus(run.timeout());
        while (true) {
            try {
                return Optional.of(ended(work.get(wait(deadline), TimeUnit.MILLISECONDS)));
            } catch (ExecutionException e) {
                return Optional.of(failed(e.getCause()));
            } catch (TimeoutException e) {
                Optional<Run> current = renew(run);
                if (current.isEmpty()) {
                    stop(worker, "the run is no longer held by " + agent);
                    return Optional.empty();
                }
                Optional<Ending> stop = mustStop(current.get(), deadline);
                if (stop.isPresent()) {
                    stop(worker, stop.get().error());
                    return stop;
                }
            } catch (InterruptedException e) {
                stop(worker, "Berth is stopping");
                return Optional.of(Ending.of(RunStatus.ERROR, "Berth stopped while the run was running"));
            }
        }
    }

    private long wait(Instant deadline) {
        long untilDeadline = Duration.between(clock.instant(), deadline).toMillis();
        long check = Math.min(settings.renewEvery().toMillis(), CHECK_EVERY.toMillis());
        return Math.max(1, Math.min(check, untilDeadline));
    }

    private Optional<Run> renew(Run run) throws IOException {
        return store.renew(run.registryId(), run.id(), agent, clock.instant().plus(settings.lease()));
    }

    /** Why the work must stop now, if it must: out of time, or canceled. */
    private Optional<Ending> mustStop(Run current, Instant deadline) {
        if (!clock.instant().isBefore(deadline)) {
            return Optional.of(Ending.of(
                    RunStatus.TIMEOUT,
                    "the run exceeded its timeout of " + current.timeout().toSeconds() + "s"));
        }
        if (current.cancelRequested()) {
            return Optional.of(Ending.of(RunStatus.CANCELED, "the run was canceled"));
        }
        return Optional.empty();
    }

    private void stop(Thread worker, String why) {
        cancel.cancel(why);
        worker.interrupt();
        try {
            worker.join(STOP_GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Ending ended(RunOutcome outcome) {
        return outcome.failure()
                .map(message -> Ending.of(RunStatus.FAILED, message))
                .orElseGet(() -> new Ending(RunStatus.SUCCEEDED, outcome.outputImages(), ""));
    }

    private static Ending failed(Throwable cause) {
        if (cause instanceof SourceException source) {
            return Ending.of(RunStatus.FAILED, source.getMessage());
        }
        LOG.log(System.Logger.Level.WARNING, "a run failed unexpectedly", cause);
        return Ending.of(RunStatus.ERROR, "the run failed unexpectedly (the server's log has the details)");
    }

    private void record(Run run, Ending ending, FileRunLog log) throws IOException {
        Run finished = run.finish(ending.status(), ending.images(), ending.error(), clock.instant());
        log.line(RunLog.summary(finished));
        log.trim();
        if (!store.finish(finished)) {
            LOG.log(System.Logger.Level.WARNING, "run " + run.id() + " ended but " + agent + " no longer held it");
        }
    }
}
