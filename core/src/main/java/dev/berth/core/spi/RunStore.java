package dev.berth.core.spi;

import dev.berth.core.runs.Run;
import dev.berth.core.runs.RunStatus;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Registries' runs, and the queue agents take them from. Each run is claimed by one agent at a time, under a lease
 * it renews; a run whose lease ran out is found by {@link #abandon}, so agents may live in other processes.
 */
public interface RunStore {
    /** The next run number of a registry, counting from 1; never handed out twice, even after a delete. */
    long nextNumber(long registryId) throws IOException;

    /** Adds a run (normally Queued). */
    void insert(Run run) throws IOException;

    Optional<Run> find(long registryId, String runId) throws IOException;

    /** A registry's runs, newest first, at most {@code top}, only those in {@code status} when given. */
    List<Run> list(long registryId, Optional<RunStatus> status, int top) throws IOException;

    /**
     * Claims the oldest Queued run of the installation for an agent, atomically: it becomes Running, started now,
     * held by the agent until {@code leaseUntil}. Empty when nothing waits.
     */
    Optional<Run> claim(String agent, Instant now, Instant leaseUntil) throws IOException;

    /**
     * Extends an agent's lease on a Running run and answers the run as it stands (with any cancel asked); empty
     * when the agent no longer holds it.
     */
    Optional<Run> renew(long registryId, String runId, String agent, Instant leaseUntil) throws IOException;

    /** Records a run's end, if the agent still holds it Running; false otherwise. */
    boolean finish(Run finished) throws IOException;

    /**
     * Cancels a run: a Queued one ends Canceled at once, a Running one is marked for its agent to stop; a finished
     * one stays as it is. Answers the run as it then stands, or empty when there is none.
     */
    Optional<Run> cancel(long registryId, String runId, Instant now) throws IOException;

    /**
     * Ends as Error, with the message, every Running run whose lease ends before {@code leaseBefore}: their agents
     * died. Answers the runs so ended.
     */
    List<Run> abandon(Instant leaseBefore, String message, Instant now) throws IOException;

    /** Runs of every registry that ended before a time, oldest end first, at most {@code max}. */
    List<Run> endedBefore(Instant before, int max) throws IOException;

    /** Removes a run; false when there was none. Its number is not handed out again. */
    boolean delete(long registryId, String runId) throws IOException;
}
