package dev.berth.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A webhook receiver on loopback that can go down and come back on the same port, as a real service restarting
 * would: while it is {@link #down()} nothing listens and connections are refused. It answers every POST 200 and
 * keeps the JSON bodies in the order they came.
 */
final class HookReceiver implements AutoCloseable {
    private final List<byte[]> bodies = new ArrayList<>();
    private HttpServer server;
    private int port;

    private HookReceiver() {}

    /** A receiver up on a port of its own. */
    static HookReceiver start() {
        HookReceiver receiver = new HookReceiver();
        receiver.up(0);
        return receiver;
    }

    String uri() {
        return "http://127.0.0.1:" + port + "/hook";
    }

    /** Stops listening; what was received stays. */
    synchronized void down() {
        server.stop(0);
    }

    /** Listens again on the port it had. */
    synchronized void up() {
        up(port);
    }

    private void up(int on) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), on), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + on, e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            synchronized (this) {
                bodies.add(body);
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        port = server.getAddress().getPort();
    }

    /** Every body received so far, oldest first. */
    synchronized List<JsonDoc> received() {
        return bodies.stream().map(JsonDoc::parse).toList();
    }

    @Override
    public synchronized void close() {
        server.stop(0);
    }
}
