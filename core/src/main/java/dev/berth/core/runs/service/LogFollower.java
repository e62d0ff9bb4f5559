package dev.berth.core.runs.service;

import dev.berth.core.runs.Run;
import dev.berth.core.runs.RunKeys;
import dev.berth.core.runs.RunStatus;
import dev.berth.core.spi.RunFiles;
import dev.berth.core.spi.RunStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads a run's log as it grows, by polling the files and the run's status, so it works wherever the agent writing
 * the log runs. Ends once the run has ended and nothing more is in the log, or when the log has been silent for
 * {@code maxSilence} (so that a quiet step does not outlast the connection's idle timeout), or when the head of the
 * log was dropped (it outgrew its cap) before the reader got past it: the reader then asks again from where it got
 * to, and is told where what it then gets starts (the truncation marker). Copies in bounded chunks, never the whole
 * rest of a log at once.
 */
final class LogFollower {
    private static final int CHUNK = 64 * 1024;

    private final RunStore store;
    private final RunFiles files;
    private final Duration poll;
    private final Duration maxSilence;

    LogFollower(RunStore store, RunFiles files, Duration poll, Duration maxSilence) {
        this.store = store;
        this.files = files;
        this.poll = poll;
        this.maxSilence = maxSilence;
    }

    void follow(Run run, long offset, RunService.LogSink sink) throws IOException {
        String key = RunKeys.log(run.registryId(), run.id());
        long position = offset;
        long silentSince = System.nanoTime();
        while (true) {
            boolean ended = current(run).status().finished();
            long read = copy(key, position, sink);
            if (read < 0) {
                return;
            }
            position += read;
            if (read > 0) {
                silentSince = System.nanoTime();
            } else if (ended || System.nanoTime() - silentSince >= maxSilence.toNanos()) {
                return;
            } else {
                pause();
            }
        }
    }

    private Run current(Run run) throws IOException {
        return store.find(run.registryId(), run.id())
                .orElse(run.finish(RunStatus.ERROR, run.outputImages(), "", run.updated()));
    }

    /** Copies what the log holds from a position; -1 when that position was dropped (the reader must resume). */
    private long copy(String key, long offset, RunService.LogSink sink) throws IOException {
        Optional<LogLayout.Slice> slice = LogLayout.read(files, key, offset);
        if (slice.isEmpty()) {
            return 0;
        }
        try (InputStream stream = slice.get().bytes()) {
            if (slice.get().start() != offset) {
                return -1;
            }
            long total = 0;
            byte[] buffer = new byte[CHUNK];
            for (int n; (n = stream.readNBytes(buffer, 0, buffer.length)) > 0; ) {
                sink.accept(n == buffer.length ? buffer.clone() : Arrays.copyOf(buffer, n));
                total += n;
            }
            return total;
        }
    }

    private void pause() throws IOException {
        try {
            Thread.sleep(poll);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while following a log");
        }
    }
}
