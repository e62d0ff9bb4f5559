package dev.berth.core.runs.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.runs.Run;
import dev.berth.core.runs.RunRequest;
import dev.berth.core.runs.RunStatus;
import dev.berth.core.spi.RunFiles;
import dev.berth.core.spi.RunStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Following a log with small in-memory fakes of the two stores. */
class LogFollowerTest {
    private volatile Run run =
            Run.queued(1, "ca1", RunRequest.quickRun("x", RunRequest.DEFAULT_TIMEOUT), Instant.now());

    private final RunFiles files = new MemoryRunFiles();

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
        public List<Run> endedBefore(Instant before, int max) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean delete(long registryId, String runId) {
            throw new UnsupportedOperationException();
        }
    }

    private final FileRunLog log = new FileRunLog(files, 1, "ca1", 1 << 20);

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

    @Test
    void aFollowerThatFallsBehindADroppedHeadResumesAtTheMarkerAndSeesAConsistentStream() throws Exception {
        FileRunLog capped = new FileRunLog(files, 1, "ca2", FileRunLog.MIN_CAP);
        Run second = Run.queued(1, "ca2", RunRequest.quickRun("x", RunRequest.DEFAULT_TIMEOUT), Instant.now());
        run = second;
        StringBuilder written = new StringBuilder();
        Thread writer = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < 20_000; i++) {
                    String line = "line " + i + "\n";
                    capped.write(line.getBytes(StandardCharsets.UTF_8));
                    written.append(line);
                    if (i % 1000 == 0) {
                        Thread.sleep(5);
                    }
                }
                capped.trim();
                run = run.finish(RunStatus.SUCCEEDED, List.of(), "", Instant.now());
            } catch (InterruptedException | IOException e) {
                throw new AssertionError(e);
            }
        });
        LogFollower follower = new LogFollower(store, files, Duration.ofMillis(20), Duration.ofSeconds(10));
        long offset = 0;
        int jumps = 0;
        while (true) {
            boolean ended = run.status().finished();
            long start = start(offset);
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            follower.follow(run, start, got::writeBytes);
            String part = got.toString(StandardCharsets.UTF_8);
            if (start != offset) {
                jumps++;
                assertTrue(part.isEmpty() || part.startsWith("[berth: log truncated: the first "), part);
            }
            offset = start + got.size();
            if (ended && start == offset && got.size() == 0) {
                break;
            }
        }
        writer.join();
        assertEquals(written.length(), offset, "the follower ends at the end of the whole output");
        assertTrue(jumps > 0, "the follower fell behind a dropped head at least once");
    }

    private long start(long offset) throws IOException {
        var slice = LogLayout.read(files, "1/logs/ca2.log", offset);
        if (slice.isEmpty()) {
            return offset;
        }
        slice.get().bytes().close();
        return slice.get().start();
    }
}
