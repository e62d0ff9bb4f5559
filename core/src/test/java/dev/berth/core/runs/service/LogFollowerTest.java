package dev.berth.core.runs.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.runs.Run;
import dev.berth.core.runs.RunRequest;
import dev.berth.core.runs.RunStatus;
import dev.berth.core.spi.RunFiles;
import dev.berth.core.spi.RunStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Following a log with small in-memory fakes of the two stores. */
class LogFollowerTest {
    private final Map<String, byte[]> logs = new HashMap<>();
    private volatile Run run =
            Run.queued(1, "ca1", RunRequest.quickRun("x", RunRequest.DEFAULT_TIMEOUT), Instant.now());

    private final RunFiles files = new RunFiles() {
        @Override
        public long write(String key, InputStream content, long limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public synchronized void append(String key, byte[] bytes) {
            byte[] old = logs.getOrDefault(key, new byte[0]);
            byte[] joined = new byte[old.length + bytes.length];
            System.arraycopy(old, 0, joined, 0, old.length);
            System.arraycopy(bytes, 0, joined, old.length, bytes.length);
            logs.put(key, joined);
        }

        @Override
        public synchronized Optional<Long> size(String key) {
            return Optional.ofNullable(logs.get(key)).map(b -> (long) b.length);
        }

        @Override
        public synchronized Optional<InputStream> read(String key, long offset) {
            byte[] all = logs.get(key);
            if (all == null) {
                return Optional.empty();
            }
            int from = (int) Math.min(offset, all.length);
            return Optional.of(new ByteArrayInputStream(all, from, all.length - from));
        }

        @Override
        public boolean delete(String key) {
            return logs.remove(key) != null;
        }
    };

    private final RunStore store = new OneRunStore();

    /** A store that holds only this test's run, as it stands. */
    private final class OneRunStore implements RunStore {
        @Override
        public Optional<Run> find(long registryId, String runId) {
            return Optional.of(run);
        }

        @Override
        public long nextNumber(long registryId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void insert(Run added) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Run> list(long registryId, Optional<RunStatus> status, int top) {
            return List.of(run);
        }

        @Override
        public Optional<Run> claim(String agent, Instant now, Instant leaseUntil) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Run> renew(long registryId, String runId, String agent, Instant leaseUntil) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean finish(Run finished) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Run> cancel(long registryId, String runId, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Run> abandon(Instant leaseBefore, String message, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean delete(long registryId, String runId) {
            throw new UnsupportedOperationException();
        }
    }

    private final FileRunLog log = new FileRunLog(files, 1, "ca1");

    @Test
    void aFollowerGetsLinesAsTheyComeAndEndsWithTheRun() throws Exception {
        log.line("one");
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        Thread writer = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(100);
                log.line("two");
                run = run.finish(RunStatus.SUCCEEDED, List.of(), "", Instant.now());
            } catch (InterruptedException | IOException e) {
                throw new AssertionError(e);
            }
        });

        new LogFollower(store, files, Duration.ofMillis(10), Duration.ofSeconds(10)).follow(run, 0, got::writeBytes);
        writer.join();

        assertEquals("one\ntwo\n", got.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aSilentLogEndsTheFollowEarlySoTheReaderAsksAgain() throws Exception {
        log.line("one");
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        long started = System.nanoTime();

        new LogFollower(store, files, Duration.ofMillis(10), Duration.ofMillis(200)).follow(run, 0, got::writeBytes);

        long took = (System.nanoTime() - started) / 1_000_000;
        assertEquals("one\n", got.toString(StandardCharsets.UTF_8));
        assertTrue(took >= 200 && took < 2000, "took " + took + " ms");
    }
}
