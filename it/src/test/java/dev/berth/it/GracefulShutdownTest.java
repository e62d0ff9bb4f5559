package dev.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM (Ctrl-C) lets a request in flight finish, keeps what it wrote, and then stops the process. */
class GracefulShutdownTest {
    private static final int CHUNK = 64 * 1024;
    private static final int CHUNKS = 24;

    @TempDir
    Path dir;

    @Test
    void sigtermLetsAnUploadInFlightFinishAndKeepsItsBytes() throws Exception {
        Path dataDir = dir.resolve("data");
        String location;
        CountDownLatch streaming = new CountDownLatch(1);
        try (BerthProcess berth = BerthProcess.start(dataDir, dir.resolve("first.log"))) {
            location = berth.client()
                    .post("/v2/graceful/blobs/uploads/", new byte[0])
                    .header("Location");
            HttpRequest patch = HttpRequest.newBuilder(URI.create("http://" + berth.host() + location))
                    .method("PATCH", HttpRequest.BodyPublishers.ofInputStream(() -> slowBody(streaming)))
                    .header("Content-Type", "application/octet-stream")
                    .build();
            CompletableFuture<HttpResponse<String>> inFlight =
                    HttpClient.newHttpClient().sendAsync(patch, HttpResponse.BodyHandlers.ofString());
            assertTrue(streaming.await(10, TimeUnit.SECONDS), "the upload never started");
            int exit = berth.terminate(Duration.ofSeconds(20));
            HttpResponse<String> response = inFlight.get(5, TimeUnit.SECONDS);
            assertEquals(202, response.statusCode(), response.body() + "\n" + berth.output());
            assertEquals(
                    "0-" + (CHUNK * CHUNKS - 1),
                    response.headers().firstValue("Range").orElse(""));
            assertTrue(exit == 0 || exit == 143, "exit code " + exit + "\n" + berth.output());
            assertTrue(berth.output().contains("shutting down"), berth.output());
        }
        try (BerthProcess again = BerthProcess.start(dataDir, dir.resolve("second.log"))) {
            Reply status = again.client().get(location);
            assertEquals(204, status.status(), status.text());
            assertEquals("0-" + (CHUNK * CHUNKS - 1), status.header("Range"));
        }
    }

    /** A body that takes about 1.2 s to send, and says when it is well under way. */
    private static InputStream slowBody(CountDownLatch streaming) {
        return new InputStream() {
            private int sent;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (sent == CHUNK * CHUNKS) {
                    return -1;
                }
                if (sent % CHUNK == 0) {
                    pause();
                    if (sent == 2 * CHUNK) {
                        // The client has taken two chunks, so it has sent the request line and headers before them:
                        // the request has reached Berth. At the first read it may not have, and Berth, already
                        // shutting down, would rightly refuse it with 503 as a new request.
                        streaming.countDown();
                    }
                }
                int n = Math.min(length, CHUNK - sent % CHUNK);
                java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'x');
                sent += n;
                return n;
            }
        };
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
