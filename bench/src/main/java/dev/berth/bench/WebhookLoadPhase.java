package dev.berth.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Issue 5's load proof, on Berth alone: bursts of manifest pushes with no webhooks, then with three webhooks (two live
 * receivers and one black hole that never answers), alternating twice; prints the best push rate of each, their ratio,
 * and whether (and how soon after the burst) both live receivers had every event. Distribution is left out: its
 * notifications are configured at start-up and have no delivery history to compare.
 */
final class WebhookLoadPhase {
    private static final String REGISTRY = "/api/registries/default";
    private static final long DRAIN_LIMIT_NANOS = 300_000_000_000L;
    private static final List<String> HOOKS = List.of("benchlive1", "benchlive2", "benchdead1");

    private final BenchOptions options;

    WebhookLoadPhase(BenchOptions options) {
        this.options = options;
    }

    /** Runs the bursts and prints the table; returns the number of missed targets (0 or 1). */
    int run() throws IOException {
        int pushes = options.webhookPushes();
        RegistryHttp http = new RegistryHttp(options.berth().base());
        Session session = new Session(
                options.berth(), 0, options, http, new CpuClock(options.berth().pid()), new Measurements());
        send(http, "PATCH", REGISTRY, "{\"sku\":{\"name\":\"Premium\"}}", 200);
        double bestPlain = 0;
        double bestHooked = 0;
        boolean allDelivered = true;
        double worstDrainSeconds = 0;
        try (WebhookReceiver live1 = new WebhookReceiver();
                WebhookReceiver live2 = new WebhookReceiver();
                BlackHole dead = new BlackHole()) {
            for (int burst = 1; burst <= 2; burst++) {
                bestPlain = Math.max(bestPlain, burst(session, "plain" + burst, pushes));
                createHooks(http, live1.uri(), live2.uri(), dead.uri());
                String hooked = "hooked" + burst;
                bestHooked = Math.max(bestHooked, burst(session, hooked, pushes));
                long burstEnded = System.nanoTime();
                String repository = repository(hooked);
                boolean delivered = awaitAll(live1, repository, pushes) && awaitAll(live2, repository, pushes);
                allDelivered &= delivered;
                long last = Math.max(live1.lastNewEventNanos(), live2.lastNewEventNanos());
                worstDrainSeconds = Math.max(worstDrainSeconds, Math.max(0, last - burstEnded) / 1e9);
                session.report(String.format(
                        "webhooks %s: live receivers got %d and %d of %d events",
                        hooked, live1.received(repository), live2.received(repository), pushes));
                deleteHooks(http);
            }
        }
        return print(pushes, bestPlain, bestHooked, allDelivered, worstDrainSeconds);
    }

    private static double burst(Session session, String name, int pushes) {
        String repository = repository(name);
        ImageManifest[] manifests = ManifestPhase.pushBlobsAndPrepare(session, repository, pushes);
        ManifestPusher pusher = session.manifestPusher();
        IntFunction<String> tag = i -> String.format("t%06d", i);
        Session.Sample sample = session.measure(() -> Parallel.run(
                session.options().clients(), pushes, i -> pusher.push(repository, tag.apply(i), manifests[i])));
        double rate = pushes / (sample.nanos() / 1e9);
        session.report(String.format("webhooks %-8s %d pushes at %.1f ops/s", name, pushes, rate));
        return rate;
    }

    private static String repository(String name) {
        return "bench/webhooks/" + name;
    }

    private static boolean awaitAll(WebhookReceiver receiver, String repository, int pushes) {
        long deadline = System.nanoTime() + DRAIN_LIMIT_NANOS;
        while (receiver.received(repository) < pushes && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return receiver.received(repository) >= pushes;
    }

    private static void createHooks(RegistryHttp http, URI... uris) {
        for (int i = 0; i < HOOKS.size(); i++) {
            String body = "{\"properties\":{\"serviceUri\":\"%s\",\"actions\":[\"push\"]}}".formatted(uris[i]);
            send(http, "PUT", REGISTRY + "/webhooks/" + HOOKS.get(i), body, 201);
        }
    }

    private static void deleteHooks(RegistryHttp http) {
        for (String hook : HOOKS) {
            http.send(
                    RegistryRequest.of("DELETE", http.resolve(REGISTRY + "/webhooks/" + hook), RequestBody.empty()),
                    204);
        }
    }

    private static void send(RegistryHttp http, String method, String path, String json, int expected) {
        http.send(
                RegistryRequest.of(method, http.resolve(path), RequestBody.bytes(json.getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/json"),
                expected);
    }

    private static int print(int pushes, double plain, double hooked, boolean delivered, double drainSeconds) {
        double ratio = hooked / plain;
        boolean met = ratio >= 0.9 && delivered;
        System.out.printf("%nWebhooks (Berth only): %d manifest pushes per burst, best of 2 bursts each%n", pushes);
        System.out.printf("  pushes/s with no webhooks                    %9.1f%n", plain);
        System.out.printf("  pushes/s with 2 live webhooks + 1 dead one   %9.1f%n", hooked);
        System.out.printf("  ratio (target >= 0.90)                       %9.2f%s%n", ratio, met ? "" : "  MISSED");
        System.out.printf(
                "  live receivers got every event: %s; the last arrived %.1f s after the burst%n",
                delivered ? "yes" : "NO", drainSeconds);
        return met ? 0 : 1;
    }
}
