package dev.berth.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** webhook create, show, list, update, ping, list-events, get-config and delete against a real Berth. */
class WebhookCommandsTest {
    @RegisterExtension
    static final RunningBerth berth = new RunningBerth();

    private static HttpServer receiver;
    private static final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final Cli cli = berth.cli();

    @BeforeAll
    static void aRegistryAndAReceiver() throws Exception {
        berth.cli().ok("create", "-n", "hooks", "--sku", "Standard");
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            received.add(exchange.getRequestHeaders().getFirst("X-Token") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void aWebhookIsCreatedPingedShownWithItsConfigAndDeleted() throws Exception {
        String uri = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        Cli.Result created = cli.ok(
                "webhook",
                "create",
                "-r",
                "hooks",
                "-n",
                "cihook",
                "--uri",
                uri,
                "--actions",
                "push",
                "delete",
                "--scope",
                "app:*",
                "--headers",
                "X-Token=abc");
        assertEquals(
                List.of("cihook", "enabled", "app:*"), created.rows().getFirst().subList(0, 3));

        String id = cli.ok("webhook", "ping", "-r", "hooks", "-n", "cihook", "-o", "json")
                .json()
                .path("id")
                .asText();
        String ping = received.poll(10, TimeUnit.SECONDS);
        assertTrue(ping != null && ping.startsWith("abc ") && ping.contains(id), String.valueOf(ping));

        JsonNode events = cli.ok("webhook", "list-events", "-r", "hooks", "-n", "cihook", "-o", "json")
                .json();
        assertEquals("delivered", events.get(0).path("outcome").asText(), events::toString);
        JsonNode config = cli.ok("webhook", "get-config", "-r", "hooks", "-n", "cihook", "-o", "json")
                .json();
        assertEquals(uri, config.path("serviceUri").asText());
        assertEquals("abc", config.path("customHeaders").path("X-Token").asText());

        JsonNode updated = cli.ok(
                        "webhook", "update", "-r", "hooks", "-n", "cihook", "--status", "disabled", "-o", "json")
                .json();
        assertEquals("disabled", updated.at("/properties/status").asText());
        assertEquals(
                List.of("cihook"),
                cli.ok("webhook", "list", "-r", "hooks", "-o", "tsv").lines().stream()
                        .map(line -> line.split("\t")[0])
                        .toList());
        Cli.Result again =
                cli.run("webhook", "create", "-r", "hooks", "-n", "cihook", "--uri", uri, "--actions", "push");
        assertEquals(6, again.exit(), again::describe);
        Cli.Result nothing = cli.run("webhook", "update", "-r", "hooks", "-n", "cihook");
        assertEquals(2, nothing.exit(), nothing::describe);

        cli.ok("webhook", "delete", "-r", "hooks", "-n", "cihook", "--yes");
        assertEquals(
                5, cli.run("webhook", "show", "-r", "hooks", "-n", "cihook").exit());
    }

    @Test
    void listEventsFollowsEveryPageAndRedeliverSendsAnAttemptAgain() throws Exception {
        String uri = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        cli.ok("webhook", "create", "-r", "hooks", "-n", "pagehook", "--uri", uri, "--actions", "push");
        int pings = 53;
        for (int i = 0; i < pings; i++) {
            cli.ok("webhook", "ping", "-r", "hooks", "-n", "pagehook");
        }
        try {
            JsonNode all = cli.ok("webhook", "list-events", "-r", "hooks", "-n", "pagehook", "-o", "json")
                    .json();
            assertEquals(pings, all.size(), "more than the server's page of 50");
            assertEquals(
                    pings,
                    cli.ok("webhook", "list-events", "-r", "hooks", "-n", "pagehook", "-o", "tsv")
                            .lines()
                            .size());
            JsonNode newest = cli.ok(
                            "webhook", "list-events", "-r", "hooks", "-n", "pagehook", "--top", "51", "-o", "json")
                    .json();
            assertEquals(51, newest.size());
            assertEquals(
                    all.get(50).path("id").asText(), newest.get(50).path("id").asText());

            String oldest = all.get(pings - 1).path("id").asText();
            received.clear();
            JsonNode again = cli.ok(
                            "webhook", "redeliver", "-r", "hooks", "-n", "pagehook", "--id", oldest, "-o", "json")
                    .json();
            assertEquals("delivered", again.path("outcome").asText(), again::toString);
            assertEquals(
                    all.get(pings - 1).path("eventId").asText(),
                    again.path("eventId").asText());
            String redelivered = received.poll(10, TimeUnit.SECONDS);
            assertTrue(
                    redelivered != null
                            && redelivered.contains(again.path("eventId").asText()),
                    String.valueOf(redelivered));
            assertEquals(
                    2,
                    cli.run("webhook", "list-events", "-r", "hooks", "-n", "pagehook", "--top", "0")
                            .exit());
        } finally {
            received.clear();
            cli.ok("webhook", "delete", "-r", "hooks", "-n", "pagehook", "--yes");
        }
    }
}
