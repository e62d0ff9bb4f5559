package dev.berth.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.oci.Digest;
import dev.berth.core.oci.Tag;
import dev.berth.core.spi.PullStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PullRecorderTest {
    private static final Digest DIGEST = Digest.sha256("m".getBytes(StandardCharsets.UTF_8));
    private static final Tag TAG = new Tag("v1");
    private static final Instant T0 = Instant.parse("2026-05-01T12:00:00Z");

    private final FakePullStore store = new FakePullStore();
    private final MutableClock clock = new MutableClock(T0);
    private final PullRecorder recorder = new PullRecorder(store, clock);

    @Test
    void pullsAreKeptInMemoryUntilFlushedInOneBatch() throws IOException {
        recorder.record(1, DIGEST, Optional.of(TAG));
        recorder.record(2, DIGEST, Optional.empty());
        assertTrue(store.batches.isEmpty());
        assertEquals(Optional.of(T0), recorder.pending(1, DIGEST));
        assertEquals(Optional.of(T0), recorder.pending(1, TAG));
        assertEquals(3, recorder.flush());
        assertEquals(1, store.batches.size());
        assertEquals(2, store.batches.getFirst().manifests().size());
        assertEquals(
                List.of(new PullStore.PulledTag(1, TAG, T0)),
                store.batches.getFirst().tags());
        assertEquals(Optional.empty(), recorder.pending(1, DIGEST));
    }

    @Test
    void aFlushWithNothingRecordedWritesNothing() throws IOException {
        assertEquals(0, recorder.flush());
        assertTrue(store.batches.isEmpty());
    }

    @Test
    void onlyTheLatestPullOfAnItemIsWritten() throws IOException {
        recorder.record(1, DIGEST, Optional.of(TAG));
        clock.now = T0.plusSeconds(3);
        recorder.record(1, DIGEST, Optional.of(TAG));
        recorder.flush();
        assertEquals(
                List.of(new PullStore.PulledManifest(1, DIGEST, T0.plusSeconds(3))),
                store.batches.getFirst().manifests());
    }

    @Test
    void aFailedFlushKeepsItsTimesForTheNextOne() throws IOException {
        recorder.record(1, DIGEST, Optional.of(TAG));
        store.failing = true;
        assertThrows(IOException.class, recorder::flush);
        assertEquals(Optional.of(T0), recorder.pending(1, DIGEST));
        store.failing = false;
        assertEquals(2, recorder.flush());
    }

    @Test
    void theLaterOfStoredAndPendingTimesIsShown() {
        Optional<Instant> earlier = Optional.of(T0);
        Optional<Instant> later = Optional.of(T0.plusSeconds(1));
        assertEquals(later, PullRecorder.latest(earlier, later));
        assertEquals(later, PullRecorder.latest(later, earlier));
        assertEquals(earlier, PullRecorder.latest(Optional.empty(), earlier));
        assertEquals(earlier, PullRecorder.latest(earlier, Optional.empty()));
        assertEquals(Optional.empty(), PullRecorder.latest(Optional.empty(), Optional.empty()));
    }

    private record Batch(List<PullStore.PulledManifest> manifests, List<PullStore.PulledTag> tags) {}

    private static final class FakePullStore implements PullStore {
        final List<Batch> batches = new ArrayList<>();
        boolean failing;

        @Override
        public void record(Collection<PulledManifest> manifests, Collection<PulledTag> tags) throws IOException {
            if (failing) {
                throw new IOException("disk full");
            }
            batches.add(new Batch(List.copyOf(manifests), List.copyOf(tags)));
        }
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
