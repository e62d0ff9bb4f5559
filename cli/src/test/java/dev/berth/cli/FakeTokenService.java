package dev.berth.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A stand-in for Berth's token service on 127.0.0.1 port 0: answers {@code POST /oauth2/exchange} as told, 404
 * elsewhere, and records the forms it got. {@link #plain} speaks HTTP/1.1 and, as Berth does, closes a connection
 * that opens with a TLS ClientHello at once; {@link #tls} speaks HTTPS with a self-signed certificate.
 */
final class FakeTokenService implements AutoCloseable {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final int TLS_HANDSHAKE_RECORD = 0x16;

    private final List<Map<String, String>> forms = new CopyOnWriteArrayList<>();
    private final AutoCloseable server;
    private final int port;
    private volatile int status = 200;
    private volatile String body = "{\"refresh_token\": \"refresh-1\"}";

    private FakeTokenService(ServerSocket socket) {
        this.server = socket;
        this.port = socket.getLocalPort();
        Thread.ofVirtual().start(() -> acceptAll(socket));
    }

    private FakeTokenService(HttpsServer https) {
        https.createContext("/", this::handle);
        https.start();
        this.server = () -> https.stop(0);
        this.port = https.getAddress().getPort();
    }

    static FakeTokenService plain() throws IOException {
        return new FakeTokenService(new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1")));
    }

    /** Over HTTPS, with the key store {@link #selfSigned} made. */
    static FakeTokenService tls(Path keyStore) throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance(keyStore.toFile(), PASSWORD);
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        return new FakeTokenService(server);
    }

    /** A PKCS#12 key store holding a self-signed EC certificate for {@code localhost}, made with the JDK's keytool. */
    static Path selfSigned(Path dir) throws IOException, InterruptedException {
        Path keyStore = dir.resolve("self-signed.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-keyalg",
                        "EC",
                        "-alias",
                        "server",
                        "-dname",
                        "CN=localhost",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keyStore.toString(),
                        "-storepass",
                        new String(PASSWORD))
                .redirectErrorStream(true)
                .start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(Duration.ofMinutes(1).toMillis(), TimeUnit.MILLISECONDS) || keytool.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        return keyStore;
    }

    /** The login server, {@code 127.0.0.1:PORT}. */
    String server() {
        return "127.0.0.1:" + port;
    }

    void answer(int status, String body) {
        this.status = status;
        this.body = body;
    }

    List<Map<String, String>> forms() {
        return List.copyOf(forms);
    }

    @Override
    public void close() throws Exception {
        server.close();
    }

    /** The status and body for a request, recording the form of an exchange. */
    private Map.Entry<Integer, byte[]> respond(String method, String path, byte[] form) {
        if (!"POST".equals(method) || !TokenExchange.PATH.equals(path)) {
            return Map.entry(404, new byte[0]);
        }
        forms.add(parse(new String(form, StandardCharsets.UTF_8)));
        return Map.entry(status, body.getBytes(StandardCharsets.UTF_8));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream in = exchange.getRequestBody()) {
            Map.Entry<Integer, byte[]> answer = respond(
                    exchange.getRequestMethod(), exchange.getRequestURI().getPath(), in.readAllBytes());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(
                    answer.getKey(), answer.getValue().length == 0 ? -1 : answer.getValue().length);
            exchange.getResponseBody().write(answer.getValue());
        }
    }

    private void acceptAll(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread.ofVirtual().start(() -> serve(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** One request per connection, HTTP/1.1 with a Content-Length body, enough for the exchange. */
    private void serve(Socket connection) {
        try (connection) {
            InputStream in = new BufferedInputStream(connection.getInputStream());
            in.mark(1);
            if (in.read() == TLS_HANDSHAKE_RECORD) {
                return;
            }
            in.reset();
            String[] requestLine = line(in).split(" ");
            int length = 0;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(
                            header.substring("content-length:".length()).strip());
                }
            }
            Map.Entry<Integer, byte[]> answer =
                    respond(requestLine[0], requestLine[1].split("\\?")[0], in.readNBytes(length));
            OutputStream out = connection.getOutputStream();
            out.write(("HTTP/1.1 " + answer.getKey() + " Fake\r\nContent-Type: application/json\r\nContent-Length: "
                            + answer.getValue().length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(answer.getValue());
            out.flush();
        } catch (IOException | RuntimeException broken) {
            // the client went away, or sent what this fake does not speak; the test sees it
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed mid-request");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static Map<String, String> parse(String form) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            fields.put(
                    URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }
}
