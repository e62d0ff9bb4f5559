package dev.berth.http.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that trickle their request head or body are cut off; slow but steady ones are not. Short limits keep the
 * test quick: a head must arrive within 2 s of its first byte, a body at 8 KiB/s after its first second.
 */
class SlowClientTest {
    private static final SlowClients LIMITS = new SlowClients(Duration.ofSeconds(2), 8 * 1024, Duration.ofSeconds(1));

    private HttpServer server;

    /** Reads the whole body and answers with its length. */
    private static final class Echo implements Endpoint {
        @Override
        public boolean matches(String path) {
            return true;
        }

        @Override
        public void handle(Exchange exchange) throws IOException {
            byte[] body = exchange.body().readAllBytes();
            exchange.send(200, "text/plain", Integer.toString(body.length).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void sendError(Exchange exchange, RegistryException error) throws IOException {
            int status = error.code() == ErrorCode.REQUEST_TIMEOUT ? 408 : 400;
            exchange.send(status, "text/plain", error.getMessage().getBytes(StandardCharsets.UTF_8));
        }
    }

    @BeforeEach
    void start() throws Exception {
        server = new HttpServer(
                new HttpServer.Settings("127.0.0.1", 0, Duration.ofSeconds(30), 16384, Duration.ofSeconds(1)),
                LIMITS,
                List.of(new Echo()));
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.address().getPort());
        socket.setSoTimeout(15_000);
        return socket;
    }

    @Test
    void aClientSendingAHeaderLineEverySecondIsCutOffAtTheHeaderDeadline() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            long started = System.nanoTime();
            out.write(ascii("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
            int lines = 0;
            try {
                while (lines < 20) {
                    Thread.sleep(1000);
                    out.write(ascii("X-Slow-" + lines++ + ": still here\r\n"));
                    out.flush();
                }
            } catch (IOException closed) {
                // the server has closed the connection
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(lines < 6, "header lines accepted before the cut: " + lines + " in " + took);
            assertEquals(-1, readToEnd(socket.getInputStream()), "closed without an answer");
        }
    }

    @Test
    void aBodyDribbledBelowTheMinimumRateIsCutOff() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(ascii("PUT / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n\r\n"));
            long started = System.nanoTime();
            int sent = 0;
            try {
                while (sent < 100_000
                        && System.nanoTime() - started < Duration.ofSeconds(20).toNanos()) {
                    out.write(new byte[100]);
                    out.flush();
                    sent += 100;
                    Thread.sleep(100);
                }
            } catch (IOException closed) {
                // the server has closed the connection
            }
            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(took.compareTo(Duration.ofSeconds(8)) < 0, "cut after " + took);
            assertTrue(sent < 100_000, "the whole body went through at 1 KiB/s");
            assertTrue(reply.isEmpty() || reply.startsWith("HTTP/1.1 408"), reply);
        }
    }

    @Test
    void aSteadyUploadAboveTheMinimumRateSucceedsHoweverLongItTakes() throws Exception {
        int length = 5 * 32 * 1024;
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(ascii("PUT / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: " + length
                    + "\r\n\r\n"));
            for (int sent = 0; sent < length; sent += 4096) {
                out.write(new byte[4096]);
                out.flush();
                Thread.sleep(125);
            }
            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(reply.startsWith("HTTP/1.1 200"), reply);
            assertTrue(reply.endsWith("\r\n\r\n" + length), reply);
        }
    }

    @Test
    void anIdleKeptAliveConnectionOutlivesTheHeaderDeadline() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(ascii("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
            out.flush();
            byte[] first = new byte[4096];
            int read = socket.getInputStream().read(first);
            assertTrue(new String(first, 0, read, StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 200"));
            Thread.sleep(3500);
            out.write(ascii("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
            out.flush();
            String second = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(second.startsWith("HTTP/1.1 200"), second);
        }
    }

    private static int readToEnd(InputStream in) throws IOException {
        try {
            while (in.read() >= 0) {
                // an answer is not expected, but is not an error either
            }
            return -1;
        } catch (SocketTimeoutException e) {
            return 0;
        } catch (IOException reset) {
            return -1;
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
