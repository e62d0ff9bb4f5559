package dev.berth.tasks;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How agents work.
 *
 * @param agents how many runs this process carries out at once; 0 starts no agent
 * @param name the prefix of this process's agent names ({@code <name>-1}, ...), unique among processes
 * @param workDir where runs' contexts are extracted, one directory per run, removed after it
 * @param poll how long an idle agent waits before looking at the queue again
 * @param lease how long a claim holds without renewal; renewed every third of it
 * @param sourceLimit the largest build source archive accepted, uploaded or downloaded
 * @param maxLogSize about how many bytes of the end of a run's log are kept
 */
public record AgentSettings(
        int agents, String name, Path workDir, Duration poll, Duration lease, long sourceLimit, long maxLogSize) {
    public static final Duration DEFAULT_POLL = Duration.ofMillis(500);
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);
    public static final long DEFAULT_SOURCE_LIMIT = 512L * 1024 * 1024;
    public static final long DEFAULT_MAX_LOG_SIZE = 16L * 1024 * 1024;

    public AgentSettings {
        if (agents < 0) {
            throw new IllegalArgumentException("agents must not be negative");
        }
    }

    /** How often a running run's lease is renewed and its cancel and timeout checked. */
    public Duration renewEvery() {
        return lease.dividedBy(3);
    }
}
