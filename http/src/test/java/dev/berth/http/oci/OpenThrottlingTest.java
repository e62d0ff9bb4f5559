package dev.berth.http.oci;

import static dev.berth.http.oci.TestImages.uniqueRepository;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.MovableClock;
import dev.berth.core.error.ErrorCode;
import dev.berth.core.tier.RequestRates;
import dev.berth.http.TestTiers;
import dev.berth.http.oci.RawHttp.RawReply;
import java.io.IOException;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With authentication off, every request is the one anonymous identity, and each registry (picked by Host) still
 * has its own buckets.
 */
class OpenThrottlingTest {
    /** Reads: 3 a minute per registry, none per identity; writes: 2 a minute per identity, none per registry. */
    private static final RequestRates RATES = new RequestRates(3, 0, 0, 2, 0, 0, 0, 0, 0);

    private final MovableClock clock = new MovableClock();

    @RegisterExtension
    final RegistryServer server = RegistryServer.limited(TestTiers.basicRates(RATES), clock);

    private final String repository = uniqueRepository("throttled");

    @Test
    void eachRegistryHasItsOwnBuckets() throws IOException {
        for (int i = 0; i < 3; i++) {
            server.client().get("/v2/").assertStatus(200);
        }
        Reply refused = server.client().get("/v2/").assertError(429, ErrorCode.TOOMANYREQUESTS);
        assertEquals("20", refused.header("Retry-After"));
        assertTrue(refused.text().contains("read requests to this registry"), refused.text());
        for (int i = 0; i < 3; i++) {
            assertEquals(200, second("GET", "/v2/").status());
        }
        RawReply secondRefused = second("GET", "/v2/");
        assertEquals(429, secondRefused.status());
        assertTrue(secondRefused.text().contains("Retry-After: 20"), secondRefused.text());
    }

    @Test
    void theRetryAfterCountsDownUntilTheRegistryAdmitsAgain() {
        for (int i = 0; i < 3; i++) {
            server.client().get("/v2/").assertStatus(200);
        }
        for (int seconds = 20; seconds > 0; seconds -= 7) {
            Reply refused = server.client().get("/v2/").assertError(429, ErrorCode.TOOMANYREQUESTS);
            assertEquals(Integer.toString(seconds), refused.header("Retry-After"));
            clock.advance(Duration.ofSeconds(7));
        }
        server.client().get("/v2/").assertStatus(200);
    }

    @Test
    void everyoneIsTheAnonymousIdentityWhateverCredentialsTheySend() {
        String uploads = "/v2/" + repository + "/blobs/uploads/";
        server.client()
                .post(uploads, new byte[0], "Authorization", basic("alice"))
                .assertStatus(202);
        server.client()
                .post(uploads, new byte[0], "Authorization", basic("bob"))
                .assertStatus(202);
        Reply refused = server.client().post(uploads, new byte[0]).assertError(429, ErrorCode.TOOMANYREQUESTS);
        assertTrue(refused.text().contains("write requests from this identity"), refused.text());
        assertEquals("30", refused.header("Retry-After"));
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":pw").getBytes());
    }

    private RawReply second(String method, String target) throws IOException {
        return RawHttp.send(
                server.address(),
                method + " " + target + " HTTP/1.1\r\nHost: " + RegistryServer.SECOND_HOST
                        + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                new byte[0]);
    }
}
