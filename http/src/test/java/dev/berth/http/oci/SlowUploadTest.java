package dev.berth.http.oci;

import static dev.berth.http.oci.TestImages.randomBytes;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.oci.Digest;
import dev.berth.http.server.SlowClients;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A layer dribbled below the minimum rate is refused with a client error and stores nothing; a steady one is kept. */
class SlowUploadTest {
    @RegisterExtension
    static final RegistryServer server = RegistryServer.create()
            .withSlowClients(new SlowClients(Duration.ofSeconds(5), 8 * 1024, Duration.ofSeconds(1)));

    private final RegistryClient client = server.client();

    @Test
    void aLayerDribbledBelowTheMinimumRateIsAClientErrorAndStoresNothing() throws Exception {
        byte[] layer = randomBytes(50_000);
        Digest digest = Digest.sha256(layer);
        String reply = upload(digest, layer, 100, 100);
        assertTrue(reply.isEmpty() || reply.startsWith("HTTP/1.1 408"), reply);
        client.getBlob("slow/layer", digest).assertError(404, ErrorCode.BLOB_UNKNOWN);
    }

    @Test
    void aLayerSentSteadilyAboveTheMinimumRateIsStored() throws Exception {
        byte[] layer = randomBytes(100_000);
        Digest digest = Digest.sha256(layer);
        String reply = upload(digest, layer, 4096, 100);
        assertTrue(reply.startsWith("HTTP/1.1 201"), reply);
        client.getBlob("slow/layer", digest).assertStatus(200);
    }

    /** A monolithic upload, sent a piece at a time with a pause after each; returns what came back. */
    private String upload(Digest digest, byte[] layer, int piece, long pauseMillis) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.address().getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v2/slow/layer/blobs/uploads/?digest=" + digest + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Connection: close\r\nContent-Length: " + layer.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            try {
                for (int sent = 0; sent < layer.length; sent += piece) {
                    out.write(layer, sent, Math.min(piece, layer.length - sent));
                    out.flush();
                    Thread.sleep(pauseMillis);
                }
            } catch (java.io.IOException closed) {
                // cut off; what the server answered is still worth reading
            }
            try {
                return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            } catch (java.io.IOException reset) {
                return "";
            }
        }
    }
}
