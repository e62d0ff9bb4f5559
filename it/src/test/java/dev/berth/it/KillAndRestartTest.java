package dev.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.events.EventAction;
import dev.berth.core.events.RegistryEvent;
import dev.berth.core.spi.MetadataStore;
import dev.berth.metadata.sqlite.SqliteMetadataStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Berth as its own process, killed with SIGKILL in the middle of many concurrent pushes, twice, and restarted on
 * the same data directory each time. Only the process crashes: the machine stays up, so the page cache survives and
 * fsync is not put to the test here. Afterwards the outbox holds a push event for every acknowledged push, as it is
 * written in the push's own transaction.
 */
@Timeout(120)
class KillAndRestartTest {
    private static final int PUSHERS = 16;
    private static final int ROUNDS = 2;
    private static final int MIN_ACKNOWLEDGED = 20;
    private static final String AFTER_RESTART = "crash/after-restart";

    @TempDir
    Path work;

    @Test
    void acknowledgedPushesSurviveKillNineAndNothingHalfWrittenIsListed() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<byte[]> sharedLayers = List.of(
                RandomImage.randomBytes(random, 4096),
                RandomImage.randomBytes(random, 8192),
                RandomImage.randomBytes(random, 100));
        List<PushLoad.Acknowledged> acknowledged = new ArrayList<>();
        BerthProcess berth = BerthProcess.start(work.resolve("data"), work.resolve("berth-0.log"));
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                long killAfterMillis = 2000 + random.nextInt(1500);
                PushLoad load = PushLoad.start(berth.client(), PUSHERS, sharedLayers, "round" + round, seed + round);
                awaitLoad(load, killAfterMillis);
                load.stop();
                berth.kill();
                List<PushLoad.Acknowledged> pushed = load.await();
                acknowledged.addAll(pushed);

                berth = BerthProcess.start(work.resolve("data"), work.resolve("berth-" + round + ".log"));
                int listed = audit(berth, acknowledged);
                System.out.printf(
                        "round %d (seed %d): killed after %d ms; %d pushes acknowledged, %d in all; "
                                + "%d tags listed after the restart%n",
                        round, seed, killAfterMillis, pushed.size(), acknowledged.size(), listed);
                acknowledged.add(pushOne(berth, random, "round" + round));
            }
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n(seed " + seed + ") Berth's output:\n" + logs(), e);
        } finally {
            berth.close();
        }
        everyAcknowledgedPushHasItsEvent(work.resolve("data"), acknowledged);
    }

    /** Reads the outbox of the stopped Berth: each acknowledged push is there as a push event of its tag. */
    private static void everyAcknowledgedPushHasItsEvent(Path dataDir, List<PushLoad.Acknowledged> acknowledged)
            throws IOException {
        Set<String> pushed = new HashSet<>();
        try (MetadataStore metadata = SqliteMetadataStore.open(dataDir.resolve("berth.db"), Clock.systemUTC())) {
            long after = 0;
            for (List<RegistryEvent> page; !(page = metadata.events().after(after, 1000)).isEmpty(); ) {
                for (RegistryEvent event : page) {
                    if (event.action() == EventAction.PUSH) {
                        pushed.add(event.target().repository() + ":"
                                + event.target().tag() + "@" + event.target().digest());
                    }
                }
                after = page.getLast().sequence();
            }
        }
        for (PushLoad.Acknowledged push : acknowledged) {
            String key = push.repository() + ":" + push.tag() + "@" + push.digest();
            assertTrue(pushed.contains(key), "no push event for the acknowledged push " + key);
        }
    }

    /** Lets the pushers run for the given time, and at least until some pushes were acknowledged. */
    private static void awaitLoad(PushLoad load, long millis) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < millis * 1_000_000 || load.acknowledgedCount() < MIN_ACKNOWLEDGED) {
            if (System.nanoTime() - start > 30_000_000_000L) {
                throw new AssertionError("only " + load.acknowledgedCount() + " pushes acknowledged in 30 s");
            }
            Thread.sleep(50);
        }
    }

    /** Checks the restarted Berth and returns how many tags it lists. */
    private static int audit(BerthProcess berth, List<PushLoad.Acknowledged> acknowledged) throws InterruptedException {
        CrashAudit audit = new CrashAudit(berth.client());
        audit.acknowledgedPushesAreServed(acknowledged);
        int listed = audit.everyListedTagIsWhole();
        assertTrue(listed >= acknowledged.size(), "fewer tags listed than pushes acknowledged");
        return listed;
    }

    /** Pushes one more image, to show the restarted Berth takes writes, and returns it as acknowledged. */
    private static PushLoad.Acknowledged pushOne(BerthProcess berth, Random random, String tag) {
        RandomImage image = RandomImage.create(random, List.of());
        ImagePusher pusher = new ImagePusher(berth.client());
        pusher.pushBlob(AFTER_RESTART, image.config(), UploadStyle.POST_PATCH_PUT);
        image.layers().forEach(layer -> pusher.pushBlob(AFTER_RESTART, layer, UploadStyle.CHUNKED));
        String digest = pusher.pushManifest(AFTER_RESTART, tag, RandomImage.MANIFEST_TYPE, image.manifest());
        assertEquals(image.digest(), digest);
        return new PushLoad.Acknowledged(AFTER_RESTART, tag, digest, image.manifest(), image.blobs());
    }

    /** Every run's output, oldest first. */
    private String logs() {
        try (Stream<Path> files = Files.list(work)) {
            StringBuilder logs = new StringBuilder();
            for (Path log : files.filter(f -> f.getFileName().toString().endsWith(".log"))
                    .sorted()
                    .toList()) {
                logs.append("--- ").append(log.getFileName()).append(" ---\n").append(Files.readString(log));
            }
            return logs.toString();
        } catch (IOException e) {
            return "(logs unreadable: " + e + ")";
        }
    }
}
