package dev.berth.http.manage;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.berth.core.json.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on loopback: records what it is sent, answering the statuses queued, then 200; the first
 * requests may be answered late ({@link #answeringLate}), each on a thread of its own.
 */
final class Receiver implements AutoCloseable {
    /** One request received: headers (names lower case, first values) and body. */
    record Received(Map<String, String> headers, String body) {
        JsonNode json() {
            return Json.parse(body.getBytes(StandardCharsets.UTF_8));
        }

        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
    private final AtomicInteger late = new AtomicInteger();
    private volatile Duration lateBy = Duration.ZERO;

    Receiver() throws IOException {
        this(0);
    }

    /** A receiver on the given port (0 for any), for one that comes back where an earlier one was. */
    Receiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.getFirst()));
            received.add(new Received(headers, new String(body, StandardCharsets.UTF_8)));
            if (late.getAndDecrement() > 0) {
                sleep(lateBy);
            }
            Integer status = statuses.poll();
            byte[] answer = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status == null ? 200 : status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    /** The statuses the next requests get, in order; after them, 200. */
    Receiver answering(Integer... next) {
        statuses.addAll(List.of(next));
        return this;
    }

    /** The next {@code count} requests are answered only after the delay. */
    Receiver answeringLate(int count, Duration delay) {
        lateBy = delay;
        late.set(count);
        return this;
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next request received, waiting up to the timeout; fails the test when none comes. */
    Received next(Duration timeout) throws InterruptedException {
        Received next = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (next == null) {
            throw new AssertionError("the receiver got nothing within " + timeout);
        }
        return next;
    }

    /** Whatever arrives within the wait. */
    List<Received> drain(Duration wait) throws InterruptedException {
        Thread.sleep(wait.toMillis());
        List<Received> all = new ArrayList<>();
        received.drainTo(all);
        return all;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
