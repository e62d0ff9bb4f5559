package dev.berth.http.manage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.core.events.RegistryEvent;
import dev.berth.core.outbox.OutboxWorker;
import dev.berth.core.webhooks.Webhook;
import dev.berth.core.webhooks.delivery.WebhookDispatcher;
import dev.berth.core.webhooks.delivery.WebhookSender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Receivers that fail without answering, then recover: one that answers after the webhook timeout, and a port where
 * nothing listens until a receiver starts there. Every event arrives in the end, and the history says what went
 * wrong with each failed attempt.
 */
class WebhookFaultsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration TIMEOUT = Duration.ofMillis(300);
    /** Slow enough that two pushes right after a webhook is created reach it in one batch. */
    private static final Duration REFRESH = Duration.ofSeconds(1);

    private static ManagedBerth berth;

    @BeforeAll
    static void start() throws Exception {
        berth = new ManagedBerth(new WebhookDispatcher.Settings(
                TIMEOUT,
                Duration.ofMinutes(1),
                Duration.ofMillis(50),
                Duration.ofMillis(200),
                REFRESH,
                new OutboxWorker.Settings(100, Duration.ofMillis(100), Duration.ofMillis(50), Duration.ofSeconds(1))));
    }

    @AfterAll
    static void stop() throws Exception {
        berth.close();
    }

    private static void hook(String registry, String uri) {
        create(registry, uri);
    }

    private static Webhook create(String registry, String uri) {
        berth.admin(
                        "PUT",
                        "/api/registries/" + registry + "/webhooks/faulthook",
                        "{\"properties\":{\"serviceUri\":\"" + uri + "\",\"actions\":[\"push\"]}}")
                .expect(201);
        try {
            long registryId =
                    berth.metadata().registries().find(registry).orElseThrow().id();
            return berth.metadata().webhooks().find(registryId, "faulthook").orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The history, oldest first, once its newest attempt has the outcome. */
    private static List<JsonNode> historyUntil(String registry, String outcome) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<JsonNode> attempts = new ArrayList<>();
            berth.admin("POST", "/api/registries/" + registry + "/webhooks/faulthook/listEvents", null)
                    .expect(200)
                    .json()
                    .path("value")
                    .forEach(attempt -> attempts.addFirst(attempt));
            if (!attempts.isEmpty()
                    && attempts.getLast().path("outcome").asText().equals(outcome)) {
                return attempts;
            }
            assertTrue(System.nanoTime() < deadline, () -> "no " + outcome + " attempt in " + attempts);
            Thread.sleep(20);
        }
    }

    private static String reason(JsonNode attempt) {
        return attempt.path("eventResponseMessage").path("reasonPhrase").asText();
    }

    @Test
    void aDeliveredEventIsAcknowledgedAtOnceWhileALaterOneOfItsBatchIsStillRetried() throws Exception {
        berth.registry("ackreg", "Standard");
        try (Receiver receiver = new Receiver().answering(200, 500, 500, 500, 500, 500, 500, 500, 500, 500)) {
            Webhook webhook = create("ackreg", receiver.uri());
            assertEquals(201, berth.push("ackreg", "first", ManagedBerth.ADMIN));
            assertEquals(201, berth.push("ackreg", "second", ManagedBerth.ADMIN));
            List<RegistryEvent> events = berth.metadata().events().after(0, 10_000);
            long first = events.stream()
                    .filter(e -> e.target().repository().equals("first") && e.registryId() == webhook.registryId())
                    .findFirst()
                    .orElseThrow()
                    .sequence();

            assertEquals(
                    "first",
                    receiver.next(WAIT).json().path("target").path("repository").asText());
            assertEquals(
                    "second",
                    receiver.next(WAIT).json().path("target").path("repository").asText());
            assertEquals(
                    "second",
                    receiver.next(WAIT).json().path("target").path("repository").asText());
            assertEquals(first, berth.metadata().events().cursor(webhook.consumerName()));
        }
    }

    @Test
    void anAnswerAfterTheTimeoutIsAFailedAttemptAndTheEventIsSentAgainUntilAnsweredInTime() throws Exception {
        berth.registry("slowreg", "Standard");
        try (Receiver receiver = new Receiver().answeringLate(2, TIMEOUT.multipliedBy(3))) {
            hook("slowreg", receiver.uri());
            assertEquals(201, berth.push("slowreg", "app", ManagedBerth.ADMIN));

            List<JsonNode> attempts = historyUntil("slowreg", "delivered");
            assertEquals(3, attempts.size(), attempts::toString);
            for (JsonNode late : attempts.subList(0, 2)) {
                assertEquals("failed", late.path("outcome").asText());
                assertEquals(
                        "", late.path("eventResponseMessage").path("statusCode").asText());
                assertTrue(reason(late).startsWith(WebhookSender.TIMEOUT), reason(late));
                assertTrue(late.path("durationMs").asLong() >= TIMEOUT.toMillis() * 9 / 10, late::toString);
            }
            assertEquals(3, attempts.get(2).path("attempt").asInt());
            assertEquals(
                    "200",
                    attempts.get(2)
                            .path("eventResponseMessage")
                            .path("statusCode")
                            .asText());
            String id = attempts.get(0).path("eventId").asText();
            for (int i = 0; i < 3; i++) {
                assertEquals(id, receiver.next(WAIT).json().path("id").asText());
            }
        }
    }

    @Test
    void eventsPushedWhileNothingListensArriveInOrderOnceAReceiverStartsOnThePort() throws Exception {
        berth.registry("refusedreg", "Standard");
        int port;
        try (Receiver gone = new Receiver()) {
            port = gone.port();
        }
        hook("refusedreg", "http://127.0.0.1:" + port + "/hook");
        List<String> repositories = List.of("one", "two", "three");
        for (String repository : repositories) {
            assertEquals(201, berth.push("refusedreg", repository, ManagedBerth.ADMIN));
        }
        List<JsonNode> refused = historyUntil("refusedreg", "failed");
        assertEquals(WebhookSender.CONNECTION_REFUSED, reason(refused.getLast()));

        try (Receiver back = new Receiver(port)) {
            for (String repository : repositories) {
                assertEquals(
                        repository,
                        back.next(WAIT).json().path("target").path("repository").asText());
            }
            List<JsonNode> attempts = historyUntil("refusedreg", "delivered");
            assertTrue(
                    attempts.stream()
                            .allMatch(a -> a.path("outcome").asText().equals("delivered")
                                    || reason(a).equals(WebhookSender.CONNECTION_REFUSED)),
                    attempts::toString);
        }
    }

    @Test
    void aWebhookDeletedWhileItsEventIsRetriedIsSentNothingMore() throws Exception {
        berth.registry("gonereg", "Standard");
        try (Receiver receiver = new Receiver().answering(500, 500, 500, 500, 500, 500, 500, 500, 500, 500)) {
            hook("gonereg", receiver.uri());
            assertEquals(201, berth.push("gonereg", "app", ManagedBerth.ADMIN));
            receiver.next(WAIT);
            receiver.next(WAIT);
            berth.admin("DELETE", "/api/registries/gonereg/webhooks/faulthook", null)
                    .expect(204);
            Thread.sleep(REFRESH.toMillis());
            receiver.drain(Duration.ZERO);
            assertEquals(List.of(), receiver.drain(Duration.ofMillis(700)), "no attempt after the delete");
        }
    }
}
