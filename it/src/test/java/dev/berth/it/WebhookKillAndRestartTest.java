package dev.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A webhook to a real receiver on loopback, through a receiver outage and a SIGKILL of Berth with deliveries
 * pending: once Berth is restarted and the receiver is back, every push has reached the receiver, in push order,
 * and nothing the receiver had answered 2xx is sent to it again. Retries are made fast through the configuration.
 */
@Timeout(90)
class WebhookKillAndRestartTest {
    private static final String REPOSITORY = "hooked";
    private static final String WEBHOOK = "/api/registries/default/webhooks/killhook";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CONFIG = """
            webhooks:
              timeout: 3s
              retryWindow: 10m
              initialBackoff: 100ms
              maxBackoff: 500ms
            """;

    @TempDir
    Path work;

    @Test
    void everyEventReachesAReceiverThatWasDownWhileBerthWasKilledInOrderAndNoneTwiceInARow() throws Exception {
        Path config = Files.writeString(work.resolve("berth.yml"), CONFIG);
        List<String> pushed = new ArrayList<>();
        Random random = new Random();
        try (HookReceiver receiver = HookReceiver.start()) {
            BerthProcess berth = start(config, "berth-0.log");
            try {
                berth.client()
                        .put(WEBHOOK, webhook(receiver.uri()), "Content-Type", "application/json")
                        .expect(201);
                pushed.add(push(berth, random, "before"));
                BerthProcess first = berth;
                await(() -> attempts(first, "delivered") == 1, "the first push to be answered 2xx");

                receiver.down();
                for (int i = 1; i <= 4; i++) {
                    pushed.add(push(berth, random, "down" + i));
                }
                await(() -> attempts(first, "failed") > 0, "a refused attempt in the history");
                berth.kill();

                berth = start(config, "berth-1.log");
                pushed.add(push(berth, random, "restarted1"));
                pushed.add(push(berth, random, "restarted2"));
                receiver.up();
                await(() -> receivedTags(receiver).containsAll(pushed), "every push to arrive");
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nBerth's output:\n" + berth.output(), e);
            } finally {
                berth.close();
            }
            List<String> ids =
                    receiver.received().stream().map(body -> body.text("id")).toList();
            for (int i = 1; i < ids.size(); i++) {
                assertNotEquals(ids.get(i - 1), ids.get(i), "an acknowledged event was sent again: " + ids);
            }
            assertEquals(pushed, firstOccurrences(receivedTags(receiver)), "the events in push order");
        }
    }

    private BerthProcess start(Path config, String log) throws IOException, InterruptedException {
        return BerthProcess.start(work.resolve("data"), work.resolve(log), List.of("--config", config.toString()));
    }

    private static byte[] webhook(String uri) {
        return ("{\"properties\":{\"serviceUri\":\"" + uri + "\",\"actions\":[\"push\"]}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Pushes a small random image under the tag and returns the tag. */
    private static String push(BerthProcess berth, Random random, String tag) {
        RandomImage image = RandomImage.create(random, List.of());
        ImagePusher pusher = new ImagePusher(berth.client());
        pusher.pushBlob(REPOSITORY, image.config(), UploadStyle.MONOLITHIC_POST);
        image.layers().forEach(layer -> pusher.pushBlob(REPOSITORY, layer, UploadStyle.MONOLITHIC_POST));
        pusher.pushManifest(REPOSITORY, tag, RandomImage.MANIFEST_TYPE, image.manifest());
        return tag;
    }

    private static List<String> receivedTags(HookReceiver receiver) {
        return receiver.received().stream()
                .map(body -> body.text("target", "tag"))
                .toList();
    }

    /**
     * How many attempts of the webhook's history have the outcome (a failed one counts if it found nothing
     * listening).
     * The receiver hears a request before it answers, so only the history tells that Berth got the 2xx.
     */
    private static long attempts(BerthProcess berth, String outcome) {
        JsonDoc page = JsonDoc.parse(berth.client()
                .post(WEBHOOK + "/listEvents", new byte[0])
                .expect(200)
                .body());
        return page.array("value").stream()
                .filter(item -> outcome.equals(item.text("outcome")))
                .filter(item -> !outcome.equals("failed")
                        || "connection refused".equals(item.text("eventResponseMessage", "reasonPhrase")))
                .count();
    }

    private static List<String> firstOccurrences(List<String> values) {
        return values.stream().distinct().toList();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "waited " + WAIT + " for " + what);
            Thread.sleep(50);
        }
    }
}
