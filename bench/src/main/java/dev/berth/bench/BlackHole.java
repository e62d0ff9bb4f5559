package dev.berth.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;

/**
 * A dead webhook receiver, the worst kind: it listens, so connections open (the kernel completes them into the
 * backlog), but it never accepts or answers, so every delivery waits out Berth's whole webhook timeout.
 */
final class BlackHole implements AutoCloseable {
    private final ServerSocket socket;

    BlackHole() throws IOException {
        socket = new ServerSocket(0, 4096, InetAddress.getLoopbackAddress());
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/hook");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
