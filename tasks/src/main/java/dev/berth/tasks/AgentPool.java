package dev.berth.tasks;

import dev.berth.core.egress.Egress;
import dev.berth.core.runs.Run;
import dev.berth.core.runs.RunLog;
import dev.berth.core.runs.service.FileRunLog;
import dev.berth.core.spi.RunFiles;
import dev.berth.core.spi.RunStore;
import dev.berth.tasks.sources.SourcePreparer;
import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The agents of one process, each on a virtual thread, and a reaper that ends as Error the runs whose agent stopped
 * renewing its lease (another process's, or one of ours that died). Closing stops the agents: runs they hold are
 * left for the reaper or for {@link #recoverAfterRestart}.
 */
public final class AgentPool implements Closeable {
    private static final System.Logger LOG = System.getLogger(AgentPool.class.getName());
    static final String LEASE_LOST = "the agent carrying out the run stopped answering; the run was not finished";
    static final String RESTARTED = "Berth stopped while the run was running; it was not finished";

    private final List<Thread> threads = new ArrayList<>();
    private final List<Agent> agents = new ArrayList<>();

    private AgentPool() {}

    /**
     * Starts {@code settings.agents()} agents and the reaper; with 0 agents, nothing.
     *
     * @param egress the way out of git and tarball sources
     */
    public static AgentPool start(
            RunStore store, RunFiles files, RunExecutor executor, AgentSettings settings, Egress egress, Clock clock) {
        AgentPool pool = new AgentPool();
        Crew crew = new Crew(
                store, files, new SourcePreparer(files, settings.sourceLimit(), egress), executor, settings, clock);
        for (int i = 1; i <= settings.agents(); i++) {
            Agent agent = new Agent(settings.name() + "-" + i, crew);
            pool.agents.add(agent);
            pool.threads.add(Thread.ofVirtual().name("berth-agent-" + i).start(agent::work));
        }
        if (settings.agents() > 0) {
            pool.threads.add(
                    Thread.ofVirtual().name("berth-run-reaper").start(() -> reap(store, files, settings, clock)));
        }
        return pool;
    }

    /**
     * Ends as Error every run still Running, with a clear message: called at start-up where this process is the only
     * one with agents (the embedded default, which holds the data directory's lock), so none of them can still run.
     */
    public static List<Run> recoverAfterRestart(RunStore store, RunFiles files, long maxLogSize, Clock clock)
            throws IOException {
        return abandon(store, files, maxLogSize, Instant.ofEpochMilli(Long.MAX_VALUE), RESTARTED, clock);
    }

    private static List<Run> abandon(
            RunStore store, RunFiles files, long maxLogSize, Instant before, String why, Clock clock)
            throws IOException {
        List<Run> ended = store.abandon(before, why, clock.instant());
        for (Run run : ended) {
            FileRunLog log = new FileRunLog(files, run.registryId(), run.id(), maxLogSize);
            log.line(RunLog.summary(run));
            log.trim();
        }
        return ended;
    }

    private static void reap(RunStore store, RunFiles files, AgentSettings settings, Clock clock) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(settings.lease());
                abandon(store, files, settings.maxLogSize(), clock.instant(), LEASE_LOST, clock);
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "could not look for abandoned runs", e);
            }
        }
    }

    @Override
    public void close() {
        agents.forEach(Agent::stop);
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
