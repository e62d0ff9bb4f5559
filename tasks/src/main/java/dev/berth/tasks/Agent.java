package dev.berth.tasks;

import dev.berth.core.runs.Run;
import dev.berth.core.spi.RunFiles;
import dev.berth.core.spi.RunStore;
import dev.berth.tasks.sources.SourcePreparer;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** One agent: claims the oldest queued run, carries it out, and looks again; waits a little when none waits. */
final class Agent {
    private static final System.Logger LOG = System.getLogger(Agent.class.getName());

    private final String name;
    private final RunStore store;
    private final RunFiles files;
    private final SourcePreparer sources;
    private final RunExecutor executor;
    private final AgentSettings settings;
    private final Clock clock;
    private volatile boolean stopped;

    Agent(
            String name,
            RunStore store,
            RunFiles files,
            SourcePreparer sources,
            RunExecutor executor,
            AgentSettings settings,
            Clock clock) {
        this.name = name;
        this.store = store;
        this.files = files;
        this.sources = sources;
        this.executor = executor;
        this.settings = settings;
        this.clock = clock;
    }

    void work() {
        while (!stopped && !Thread.currentThread().isInterrupted()) {
            try {
                Optional<Run> run = claim();
                if (run.isPresent()) {
                    new RunAttempt(name, store, files, sources, executor, settings, clock).carryOut(run.get());
                } else {
                    Thread.sleep(settings.poll());
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, name + " could not take a run", e);
                pause();
            }
        }
    }

    private Optional<Run> claim() throws IOException {
        Instant now = clock.instant();
        return store.claim(name, now, now.plus(settings.lease()));
    }

    private void pause() {
        try {
            Thread.sleep(settings.poll());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stop() {
        stopped = true;
    }
}
