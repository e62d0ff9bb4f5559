package dev.berth.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RegistryHttpTest {
    @Test
    void digestIsAppendedAfterTheStateDistributionPutsInTheLocation() {
        URI upload = URI.create("http://127.0.0.1:5000/v2/a/blobs/uploads/u1?_state=abc");
        assertEquals(
                URI.create("http://127.0.0.1:5000/v2/a/blobs/uploads/u1?_state=abc&digest=sha256:00"),
                RegistryHttp.withQuery(upload, "digest", "sha256:00"));
    }

    @Test
    void digestStartsTheQueryOfABareLocation() {
        URI upload = new RegistryHttp(URI.create("http://127.0.0.1:5000")).resolve("/v2/a/blobs/uploads/u1");
        assertEquals(
                URI.create("http://127.0.0.1:5000/v2/a/blobs/uploads/u1?digest=sha256:00"),
                RegistryHttp.withQuery(upload, "digest", "sha256:00"));
    }
}
