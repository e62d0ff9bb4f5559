package dev.berth.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.core.oci.MediaTypes;
import dev.berth.core.oci.Reference;
import dev.berth.core.oci.RepositoryName;
import dev.berth.core.oci.Tag;
import java.io.InputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client pulling from a real Berth without authentication. */
@Timeout(30)
class RegistryClientTest {
    private static TestRegistry berth;
    private static RegistryClient client;

    @BeforeAll
    static void start() throws Exception {
        berth = TestRegistry.open();
        client = RegistryClient.create(ClientSettings.of(berth.uri()), TestEgress.LOOPBACK);
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        berth.close();
    }

    @Test
    void pingsARegistry() throws Exception {
        client.ping();

        assertEquals(berth.uri(), client.registry());
    }

    @Test
    void fetchesAManifestByTagWithItsDigestAndMediaType() throws Exception {
        TestImages.Manifest image = TestImages.image("amd64");
        berth.push("app/one", "1", image);

        FetchedManifest fetched = client.manifest(name("app/one"), tag("1"));

        assertArrayEquals(image.content(), fetched.content());
        assertEquals(image.digest(), fetched.digest());
        assertEquals(MediaTypes.OCI_MANIFEST, fetched.mediaType());
    }

    @Test
    void fetchesAnIndexAndItsChildrenByDigest() throws Exception {
        TestImages.Manifest index = TestImages.index("amd64", "arm64");
        berth.push("app/multi", "1", index);

        FetchedManifest top = client.manifest(name("app/multi"), tag("1"));
        FetchedManifest child = client.manifest(
                name("app/multi"),
                new Reference.ByDigest(index.children().get(1).digest()));

        assertEquals(MediaTypes.OCI_INDEX, top.mediaType());
        assertArrayEquals(index.content(), top.content());
        assertArrayEquals(index.children().get(1).content(), child.content());
    }

    @Test
    void streamsABlobWhoseDigestHoldsToTheEnd() throws Exception {
        TestImages.Blob layer = TestImages.randomLayer(300_000);
        TestImages.Manifest image = TestImages.image("amd64", layer);
        berth.push("app/blob", "1", image);

        try (BlobStream blob = client.blob(name("app/blob"), layer.digest())) {
            assertEquals(layer.content().length, blob.size());
            assertArrayEquals(layer.content(), blob.readAllBytes());
        }
    }

    @Test
    void whatTheRegistryLacksIsNotFound() throws Exception {
        berth.push("app/present", "1", TestImages.image("amd64"));

        assertKind(RegistryClientException.Kind.NOT_FOUND, () -> client.manifest(name("app/present"), tag("2")));
        assertKind(RegistryClientException.Kind.NOT_FOUND, () -> client.manifest(name("app/absent"), tag("1")));
        RegistryClientException blob = assertKind(
                RegistryClientException.Kind.NOT_FOUND,
                () -> client.blob(name("app/present"), TestImages.randomLayer(1).digest()));
        assertEquals("BLOB_UNKNOWN", blob.registryCode().orElseThrow());
        assertEquals(404, blob.status());
    }

    static RepositoryName name(String name) {
        return new RepositoryName(name);
    }

    static Reference tag(String tag) {
        return new Reference.ByTag(new Tag(tag));
    }

    /** A call that fails. */
    @FunctionalInterface
    interface Call {
        Object run() throws Exception;
    }

    static RegistryClientException assertKind(RegistryClientException.Kind kind, Call call) {
        RegistryClientException e = assertThrows(RegistryClientException.class, () -> {
            Object result = call.run();
            if (result instanceof InputStream in) {
                in.readAllBytes();
            }
        });
        assertEquals(kind, e.kind(), e.getMessage());
        return e;
    }
}
