package dev.berth.http.manage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.core.events.HelmChart;
import dev.berth.core.webhooks.delivery.WebhookSender;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Events reach real receivers on loopback, as ACR sends them: pushes and deletes, filtered by scope, with custom
 * headers and a signature; retried until a failing receiver recovers; dead-lettered when it never does, without
 * slowing pushes or other webhooks.
 */
class WebhookDeliveryTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static ManagedBerth berth;

    @BeforeAll
    static void start() throws Exception {
        berth = new ManagedBerth();
    }

    @AfterAll
    static void stop() throws Exception {
        berth.close();
    }

    private static void hook(String registry, String name, String uri, String extra) {
        hook(registry, name, uri, "\"push\",\"delete\"", extra);
    }

    private static void hook(String registry, String name, String uri, String actions, String extra) {
        berth.admin(
                        "PUT",
                        "/api/registries/" + registry + "/webhooks/" + name,
                        "{\"properties\":{\"serviceUri\":\"" + uri + "\",\"actions\":[" + actions + "]" + extra + "}}")
                .expect(201);
    }

    private static JsonNode events(String registry, String name) {
        return berth.admin("POST", "/api/registries/" + registry + "/webhooks/" + name + "/listEvents", null)
                .expect(200)
                .json()
                .path("value");
    }

    /** The history once it holds at least {@code count} attempts: the receiver may hear before it is recorded. */
    private static JsonNode events(String registry, String name, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode events = events(registry, name);
        while (events.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
            events = events(registry, name);
        }
        return events;
    }

    @Test
    void pushAndDeleteArriveInAcrsShapeWithCustomHeadersAndASignature() throws Exception {
        berth.registry("payloadreg", "Standard");
        try (Receiver receiver = new Receiver()) {
            hook(
                    "payloadreg",
                    "payloadhook",
                    receiver.uri(),
                    ",\"customHeaders\":{\"Authorization\":\"Bearer t0ken\"},\"signingSecret\":\"shh\"");
            assertEquals(201, berth.push("payloadreg", "app", ManagedBerth.ADMIN));

            Receiver.Received push = receiver.next(WAIT);
            JsonNode payload = push.json();
            assertEquals("push", payload.path("action").asText());
            assertFalse(payload.path("id").asText().isEmpty());
            assertFalse(payload.path("timestamp").asText().isEmpty());
            JsonNode target = payload.path("target");
            assertEquals("app", target.path("repository").asText());
            assertEquals("v1", target.path("tag").asText());
            assertEquals(
                    "application/vnd.oci.image.manifest.v1+json",
                    target.path("mediaType").asText());
            assertTrue(target.path("digest").asText().startsWith("sha256:"));
            assertTrue(target.path("size").asLong() > 0);
            assertEquals(target.path("size").asLong(), target.path("length").asLong());
            assertEquals("PUT", payload.path("request").path("method").asText());
            assertEquals(
                    berth.host("payloadreg"),
                    payload.path("request").path("host").asText());
            assertEquals("admin", payload.path("actor").path("name").asText());
            assertEquals("Bearer t0ken", push.header("Authorization"));
            assertEquals("application/json", push.header("Content-Type"));
            assertEquals(
                    "sha256=" + WebhookSender.sign("shh", push.body()), push.header(WebhookSender.SIGNATURE_HEADER));

            String digest = target.path("digest").asText();
            berth.send(
                            "DELETE",
                            "/v2/app/manifests/" + digest,
                            ManagedBerth.ADMIN,
                            null,
                            "Host",
                            berth.host("payloadreg"))
                    .expect(202);
            JsonNode delete = receiver.next(WAIT).json();
            assertEquals("delete", delete.path("action").asText());
            assertEquals(digest, delete.path("target").path("digest").asText());
            assertEquals("app", delete.path("target").path("repository").asText());
            assertEquals("DELETE", delete.path("request").path("method").asText());

            JsonNode history = events("payloadreg", "payloadhook", 2);
            assertEquals(2, history.size());
            assertEquals("delete", history.get(0).path("action").asText());
            assertEquals(
                    "******",
                    history.get(1)
                            .path("eventRequestMessage")
                            .path("headers")
                            .path("Authorization")
                            .asText());
            assertEquals(
                    "******",
                    history.get(1)
                            .path("eventRequestMessage")
                            .path("headers")
                            .path(WebhookSender.SIGNATURE_HEADER)
                            .asText());
        }
    }

    @Test
    void onlyEventsInAWebhooksScopeAndOfItsActionsAreSent() throws Exception {
        berth.registry("scopereg", "Standard");
        try (Receiver latestOnly = new Receiver();
                Receiver pattern = new Receiver()) {
            hook("scopereg", "latesthook", latestOnly.uri(), ",\"scope\":\"app\"");
            hook("scopereg", "patternhook", pattern.uri(), ",\"scope\":\"a*p:v*\"");
            assertEquals(201, berth.push("scopereg", "app", ManagedBerth.ADMIN));
            assertEquals(201, berth.push("scopereg", "other", ManagedBerth.ADMIN));
            assertEquals(201, berth.push("scopereg", "asp", ManagedBerth.ADMIN));

            List<String> heard = new ArrayList<>();
            for (Receiver.Received received : pattern.drain(Duration.ofSeconds(1))) {
                heard.add(received.json().path("target").path("repository").asText());
            }
            assertEquals(List.of("app", "asp"), heard);
            assertEquals(List.of(), latestOnly.drain(Duration.ZERO), "repo alone means repo:latest");
        }
    }

    @Test
    void anEventFailedWithA500IsRetriedUntilTheReceiverRecovers() throws Exception {
        berth.registry("retryreg", "Standard");
        try (Receiver receiver = new Receiver().answering(500, 503)) {
            hook("retryreg", "retryhook", receiver.uri(), "");
            assertEquals(201, berth.push("retryreg", "app", ManagedBerth.ADMIN));
            String id = receiver.next(WAIT).json().path("id").asText();
            assertEquals(id, receiver.next(WAIT).json().path("id").asText());
            assertEquals(id, receiver.next(WAIT).json().path("id").asText());
            JsonNode history = events("retryreg", "retryhook", 3);
            assertEquals(3, history.size(), history::toString);
            assertEquals("delivered", history.get(0).path("outcome").asText());
            assertEquals(3, history.get(0).path("attempt").asInt());
            assertEquals("failed", history.get(2).path("outcome").asText());
            assertEquals(
                    "500",
                    history.get(2)
                            .path("eventResponseMessage")
                            .path("statusCode")
                            .asText());
        }
    }

    @Test
    void aDeadReceiverSlowsNeitherPushesNorOtherWebhooksAndItsEventsAreDeadLettered() throws Exception {
        berth.registry("deadreg", "Standard");
        Receiver gone = new Receiver();
        String deadUri = gone.uri();
        gone.close();
        try (Receiver alive = new Receiver()) {
            hook("deadreg", "deadhook", deadUri, "");
            hook("deadreg", "alivehook", alive.uri(), "");
            long began = System.nanoTime();
            for (String repository : List.of("one", "two", "three")) {
                assertEquals(201, berth.push("deadreg", repository, ManagedBerth.ADMIN));
            }
            Duration pushes = Duration.ofNanos(System.nanoTime() - began);
            assertTrue(pushes.compareTo(Duration.ofSeconds(2)) < 0, "three pushes took " + pushes);
            for (String repository : List.of("one", "two", "three")) {
                assertEquals(
                        repository,
                        alive.next(Duration.ofSeconds(2))
                                .json()
                                .path("target")
                                .path("repository")
                                .asText());
            }

            long deadline = System.nanoTime() + WAIT.toNanos();
            List<String> outcomes = List.of();
            while (System.nanoTime() < deadline) {
                outcomes = new ArrayList<>();
                for (JsonNode event : events("deadreg", "deadhook")) {
                    outcomes.add(event.path("outcome").asText());
                }
                if (outcomes.stream().filter("deadLettered"::equals).count() == 3) {
                    break;
                }
                Thread.sleep(100);
            }
            assertEquals(3, outcomes.stream().filter("deadLettered"::equals).count(), outcomes::toString);
            JsonNode last = events("deadreg", "deadhook").get(0);
            assertEquals(
                    "", last.path("eventResponseMessage").path("statusCode").asText());
            assertFalse(last.path("eventResponseMessage")
                    .path("reasonPhrase")
                    .asText()
                    .isEmpty());
        }
    }

    @Test
    void helmChartsAreSentAsChartPushAndChartDeleteOnlyToWebhooksThatHearThem() throws Exception {
        berth.registry("chartreg", "Standard");
        try (Receiver charts = new Receiver();
                Receiver pushes = new Receiver()) {
            hook("chartreg", "charthook", charts.uri(), "\"chart_push\",\"chart_delete\"", "");
            hook("chartreg", "pushhook", pushes.uri(), "\"push\",\"delete\"", "");
            assertEquals(
                    201,
                    berth.push("chartreg", "helm/mychart", "0.1.0", HelmChart.CONFIG_MEDIA_TYPE, ManagedBerth.ADMIN));

            JsonNode push = charts.next(WAIT).json();
            assertEquals("chart_push", push.path("action").asText());
            JsonNode target = push.path("target");
            assertEquals(HelmChart.MEDIA_TYPE, target.path("mediaType").asText());
            assertEquals("mychart", target.path("name").asText());
            assertEquals("0.1.0", target.path("version").asText());
            assertEquals("0.1.0", target.path("tag").asText());
            assertEquals("helm/mychart", target.path("repository").asText());
            assertTrue(target.path("size").asLong() > 0);
            String digest = target.path("digest").asText();
            assertTrue(digest.startsWith("sha256:"));

            berth.send(
                            "DELETE",
                            "/v2/helm/mychart/manifests/" + digest,
                            ManagedBerth.ADMIN,
                            null,
                            "Host",
                            berth.host("chartreg"))
                    .expect(202);
            JsonNode delete = charts.next(WAIT).json();
            assertEquals("chart_delete", delete.path("action").asText());
            assertEquals(digest, delete.path("target").path("digest").asText());
            assertEquals("mychart", delete.path("target").path("name").asText());
            assertEquals(List.of(), pushes.drain(Duration.ofMillis(700)), "a push webhook hears no chart");
        }
    }

    @Test
    void aScannersQuarantineVerdictReachesQuarantineWebhooksOnly() throws Exception {
        berth.registry("scanreg", "Standard");
        try (Receiver scans = new Receiver();
                Receiver pushes = new Receiver()) {
            hook("scanreg", "scanhook", scans.uri(), "\"quarantine\"", "");
            hook("scanreg", "pushhook", pushes.uri(), "\"push\"", "");
            assertEquals(201, berth.push("scanreg", "app", ManagedBerth.ADMIN));
            String digest =
                    pushes.next(WAIT).json().path("target").path("digest").asText();
            berth.send(
                            "PATCH",
                            "/acr/v1/app/_manifests/" + digest,
                            ManagedBerth.ADMIN,
                            "{\"quarantineState\":\"Passed\",\"quarantineDetails\":\"{}\"}"
                                    .getBytes(StandardCharsets.UTF_8),
                            "Host",
                            berth.host("scanreg"))
                    .expect(200);

            JsonNode quarantine = scans.next(WAIT).json();
            assertEquals("quarantine", quarantine.path("action").asText());
            assertEquals(digest, quarantine.path("target").path("digest").asText());
            assertEquals("v1", quarantine.path("target").path("tag").asText());
            assertEquals("PATCH", quarantine.path("request").path("method").asText());
            assertEquals(List.of(), scans.drain(Duration.ofMillis(300)), "the push is not a quarantine event");
            assertEquals(List.of(), pushes.drain(Duration.ofMillis(300)), "the verdict is not a push");
        }
    }

    @Test
    void aDisabledWebhookIsSentNothing() throws Exception {
        berth.registry("offreg", "Standard");
        try (Receiver receiver = new Receiver()) {
            hook("offreg", "offhook", receiver.uri(), ",\"status\":\"disabled\"");
            assertEquals(201, berth.push("offreg", "app", ManagedBerth.ADMIN));
            assertEquals(List.of(), receiver.drain(Duration.ofMillis(700)));
        }
    }
}
