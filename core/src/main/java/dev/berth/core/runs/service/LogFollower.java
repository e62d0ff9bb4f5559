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
import java.util.Optional;

/**
 * Reads a run's log as it grows, by polling the files and the run's status, so it works wherever the agent writing
 * the log runs. Ends once the run has ended and nothing more is in the log, or when the log has been silent for
 * {@code maxSilence} (so that a quiet step does not outlast the connection's idle timeout): the reader then asks
 * again from where it got to.
 */
final class LogFollower {
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

    private long copy(String key, long offset, RunService.LogSink sink) throws IOException {
        Optional<InputStream> in = files.read(key, offset);
        if (in.isEmpty()) {
            return 0;
        }
        try (InputStream stream = in.get()) {
            byte[] bytes = stream.readAllBytes();
            if (bytes.length > 0) {
                sink.accept(bytes);
            }
            return bytes.length;
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
