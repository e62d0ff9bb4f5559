package dev.berth.metadata.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.events.ConsumerStopped;
import dev.berth.core.events.RegistryEvent;
import dev.berth.core.events.RequestContext;
import dev.berth.core.oci.Digest;
import dev.berth.core.oci.RepositoryName;
import dev.berth.core.oci.Tag;
import dev.berth.core.outbox.OutboxWorker;
import dev.berth.core.spi.ManifestStore.ManifestRecord;
import dev.berth.core.spi.MetadataStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An {@link OutboxWorker} on a real outbox: order, retries, and resuming after a restart. */
class OutboxWorkerTest {
    private static final OutboxWorker.Settings FAST =
            new OutboxWorker.Settings(2, Duration.ofSeconds(30), Duration.ofMillis(10), Duration.ofMillis(40));
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private MetadataStore store;
    private long repo;
    private final List<Long> delivered = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() throws IOException {
        store = SqliteMetadataStore.open(dir.resolve("berth.db"), Clock.systemUTC());
        long registry = store.registries().getOrCreate("default").id();
        repo = store.repositories().getOrCreate(registry, new RepositoryName("app"));
    }

    @AfterEach
    void close() throws IOException {
        store.close();
    }

    private void push(String body) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        ManifestRecord m = new ManifestRecord(
                Digest.sha256(content),
                "application/vnd.oci.image.manifest.v1+json",
                content,
                null,
                null,
                null,
                List.of());
        store.manifests().put(repo, m, Optional.of(new Tag("latest")), RequestContext.SYSTEM);
    }

    private void record(List<RegistryEvent> events) {
        events.forEach(e -> delivered.add(e.sequence()));
    }

    private void awaitDelivered(int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (delivered.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(delivered.size() >= count, "delivered only " + delivered);
    }

    private List<Long> sequences() throws IOException {
        return store.events().after(0, 100).stream()
                .map(RegistryEvent::sequence)
                .toList();
    }

    @Test
    void aWokenWorkerDeliversEveryEventInOrderAndAdvancesItsCursor() throws Exception {
        for (int i = 0; i < 5; i++) {
            push("{" + i + "}");
        }
        try (OutboxWorker worker = OutboxWorker.start(store.events(), "test", this::record, FAST)) {
            awaitDelivered(5);
            push("{late}");
            worker.wake();
            awaitDelivered(6);
        }
        assertEquals(sequences(), delivered);
        assertEquals(store.events().latest(), store.events().cursor("test"));
    }

    @Test
    void aFailingConsumerGetsTheSameBatchAgainUntilItSucceeds() throws Exception {
        push("{a}");
        push("{b}");
        push("{c}");
        AtomicInteger failures = new AtomicInteger();
        try (OutboxWorker ignored = OutboxWorker.start(
                store.events(),
                "flaky",
                events -> {
                    if (failures.getAndIncrement() < 3) {
                        throw new IOException("receiver down");
                    }
                    record(events);
                },
                FAST)) {
            awaitDelivered(3);
        }
        assertEquals(sequences(), delivered);
        assertTrue(failures.get() >= 4);
    }

    @Test
    void aWorkerResumesAfterARestartFromWhatWasAcknowledged() throws Exception {
        push("{1}");
        push("{2}");
        try (OutboxWorker ignored = OutboxWorker.start(store.events(), "resumer", this::record, FAST)) {
            awaitDelivered(2);
        }
        store.close();
        store = SqliteMetadataStore.open(dir.resolve("berth.db"), Clock.systemUTC());
        push("{3}");
        List<Long> firstRun = List.copyOf(delivered);
        delivered.clear();
        try (OutboxWorker ignored = OutboxWorker.start(store.events(), "resumer", this::record, FAST)) {
            awaitDelivered(1);
        }
        assertEquals(sequences().subList(0, 2), firstRun);
        assertEquals(List.of(store.events().latest()), delivered);
    }

    @Test
    void aConsumerThatStopsEndsItsWorkerWithItsBatchUnacknowledged() throws Exception {
        push("{stop}");
        AtomicInteger accepts = new AtomicInteger();
        try (OutboxWorker worker = OutboxWorker.start(
                store.events(),
                "stopping",
                events -> {
                    accepts.incrementAndGet();
                    throw new ConsumerStopped("the webhook was deleted");
                },
                FAST)) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (accepts.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            worker.wake();
            Thread.sleep(200);
        }
        assertEquals(1, accepts.get(), "not retried after a stop");
        assertEquals(0, store.events().cursor("stopping"));
    }
}
