package dev.berth.core.runs.service;

import dev.berth.core.runs.Run;
import dev.berth.core.runs.RunKeys;
import dev.berth.core.spi.RunFiles;
import dev.berth.core.spi.RunStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Deletes what runs leave behind once it is older than the retention: runs that ended before it, with their logs and
 * uploaded sources, and uploaded sources written before it that no run took away (uploaded, never scheduled). Works
 * in batches, so a sweep never holds many runs in memory or one transaction long.
 */
public final class RunRetention {
    static final int BATCH = 100;

    private final RunStore store;
    private final RunFiles files;
    private final Duration retention;
    private final Clock clock;

    public RunRetention(RunStore store, RunFiles files, Duration retention, Clock clock) {
        this.store = store;
        this.files = files;
        this.retention = retention;
        this.clock = clock;
    }

    /** What one sweep deleted. */
    public record Swept(int runs, int sources) {}

    public Swept sweep() throws IOException {
        Instant before = clock.instant().minus(retention);
        int runs = 0;
        List<Run> batch;
        do {
            batch = store.endedBefore(before, BATCH);
            for (Run run : batch) {
                deleteWithFiles(store, files, run);
            }
            runs += batch.size();
        } while (batch.size() == BATCH);
        int sources = 0;
        List<String> keys;
        do {
            keys = files.sourcesWrittenBefore(before, BATCH);
            for (String key : keys) {
                files.delete(key);
            }
            sources += keys.size();
        } while (keys.size() == BATCH);
        return new Swept(runs, sources);
    }

    /** Removes a run's files, then the run: a failure in between leaves the run to be deleted again. */
    static void deleteWithFiles(RunStore store, RunFiles files, Run run) throws IOException {
        files.delete(RunKeys.log(run.registryId(), run.id()));
        var source = RunKeys.sourceName(run.request().sourceLocation());
        if (source.isPresent()) {
            files.delete(RunKeys.source(run.registryId(), source.get()));
        }
        store.delete(run.registryId(), run.id());
    }
}
