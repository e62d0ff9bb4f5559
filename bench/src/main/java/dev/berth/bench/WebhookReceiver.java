package dev.berth.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A live webhook receiver on loopback: answers every POST with 200 and remembers, per repository, the distinct event
 * ids it was sent (delivery is at least once, so a repeat counts once) and when the last new one arrived.
 */
final class WebhookReceiver implements AutoCloseable {
    private static final Pattern ID = Pattern.compile("^\\{\"id\":\"([^\"]+)\"");
    private static final Pattern REPOSITORY = Pattern.compile("\"repository\":\"([^\"]+)\"");

    private final HttpServer server;
    private final ConcurrentHashMap<String, Set<String>> eventsByRepository = new ConcurrentHashMap<>();
    private volatile long lastNewEventNanos;

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        server.createContext("/", this::receive);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    int received(String repository) {
        return eventsByRepository.getOrDefault(repository, Set.of()).size();
    }

    long lastNewEventNanos() {
        return lastNewEventNanos;
    }

    private void receive(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher id = ID.matcher(body);
        Matcher repository = REPOSITORY.matcher(body);
        if (id.find() && repository.find()) {
            Set<String> ids =
                    eventsByRepository.computeIfAbsent(repository.group(1), r -> ConcurrentHashMap.newKeySet());
            if (ids.add(id.group(1))) {
                lastNewEventNanos = System.nanoTime();
            }
        }
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
