package dev.berth.http.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.core.error.RegistryException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file streamed over plain HTTP goes out through {@code sendfile}, whole and in order, and ranges of it too. */
class FileSendingTest {
    private static final int SIZE = 40 * 1024 * 1024 + 123;

    @TempDir
    Path dir;

    private byte[] content;
    private Path file;
    private CountingFileChannel lastChannel;
    private HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        content = new byte[SIZE];
        new Random(7).nextBytes(content);
        file = Files.write(dir.resolve("blob"), content);
        server = new HttpServer(
                new HttpServer.Settings("127.0.0.1", 0, Duration.ofSeconds(30), 8192, Duration.ofSeconds(1)),
                List.of(new FileEndpoint()));
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        client.close();
    }

    @Test
    void aFileSpanningSeveralWindowsIsSentWholeByTheKernel() throws Exception {
        byte[] body = get("/0/" + SIZE);
        assertArrayEquals(content, body);
        assertEquals(SIZE, lastChannel.transferred());
    }

    @Test
    void aRangeStartingInsideAWindowIsSentExactly() throws Exception {
        int offset = 16 * 1024 * 1024 - 5;
        int length = 20 * 1024 * 1024;
        byte[] body = get("/" + offset + "/" + length);
        assertArrayEquals(Arrays.copyOfRange(content, offset, offset + length), body);
        assertEquals(length, lastChannel.transferred());
    }

    @Test
    void severalFilesInARowShareOneConnection() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(Arrays.copyOfRange(content, i, i + 2_000_000), get("/" + i + "/2000000"));
        }
    }

    private byte[] get(String path) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + server.address().getPort() + path);
        HttpResponse<byte[]> response =
                client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    /** {@code /<offset>/<length>}: that range of the file. */
    private final class FileEndpoint implements Endpoint {
        @Override
        public boolean matches(String path) {
            return true;
        }

        @Override
        public void handle(Exchange exchange) throws IOException {
            String[] parts = exchange.path().split("/");
            long offset = Long.parseLong(parts[1]);
            long length = Long.parseLong(parts[2]);
            try (CountingFileChannel channel =
                    new CountingFileChannel(FileChannel.open(file, StandardOpenOption.READ))) {
                lastChannel = channel;
                exchange.status(200).header("Content-Length", Long.toString(length));
                exchange.stream(channel, offset, length);
            }
        }

        @Override
        public void sendError(Exchange exchange, RegistryException error) throws IOException {
            exchange.send(500);
        }
    }
}
