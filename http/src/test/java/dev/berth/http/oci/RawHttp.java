package dev.berth.http.oci;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a bare socket, for requests no well-behaved client sends: paths it would normalise, bodies shorter
 * than their Content-Length, broken framing. Reads whatever comes back until the server closes or goes quiet.
 */
final class RawHttp {
    private static final int READ_TIMEOUT_MILLIS = 10_000;

    /** What came back: the status (0 when nothing did) and the raw response text. */
    record RawReply(int status, String text) {}

    private RawHttp() {}

    /** Sends the request head and body, half-closes the socket, and reads the response. */
    static RawReply send(InetSocketAddress address, String head, byte[] body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(address, READ_TIMEOUT_MILLIS);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            socket.shutdownOutput();
            return parse(readAll(socket.getInputStream()));
        }
    }

    /**
     * Sends a request head, waits, then sends the rest (its body and maybe more requests), half-closes and reads
     * every response: what a client does when its body goes out after its headers.
     */
    static RawReply sendInTwoParts(InetSocketAddress address, String head, String rest, long pauseMillis)
            throws IOException, InterruptedException {
        try (Socket socket = new Socket()) {
            socket.connect(address, READ_TIMEOUT_MILLIS);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread.sleep(pauseMillis);
            try {
                out.write(rest.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                socket.shutdownOutput();
            } catch (IOException e) {
                // the server closed; what it sent is still worth reading
            }
            return parse(readAll(socket.getInputStream()));
        }
    }

    /** A GET of a raw request target, exactly as written. */
    static RawReply get(InetSocketAddress address, String target) throws IOException {
        return send(
                address, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", new byte[0]);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                bytes.write(buffer, 0, read);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError(
                    "the server neither answered nor closed within " + READ_TIMEOUT_MILLIS + " ms: "
                            + bytes.toString(StandardCharsets.ISO_8859_1),
                    e);
        } catch (IOException e) {
            // a reset after the response is as good as a close
        }
        return bytes.toByteArray();
    }

    private static RawReply parse(byte[] response) {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        if (!text.startsWith("HTTP/1.")) {
            return new RawReply(0, text);
        }
        int space = text.indexOf(' ');
        return new RawReply(Integer.parseInt(text.substring(space + 1, space + 4)), text);
    }
}
