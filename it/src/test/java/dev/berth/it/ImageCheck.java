package dev.berth.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks, through the registry's HTTP API, that an image is whole: its manifest's bytes hash to the digest the
 * registry states, and every blob it references (through an index, every manifest and their blobs) is served with
 * the size and sha256 its descriptor gives. Remembers what it already checked, so shared blobs are fetched once.
 */
final class ImageCheck {
    private final RegistryClient registry;
    private final Set<String> checked = ConcurrentHashMap.newKeySet();

    ImageCheck(RegistryClient registry) {
        this.registry = registry;
    }

    /** Checks the image under a tag or digest and returns its manifest bytes. */
    byte[] verify(String repository, String reference) {
        Reply reply = registry.manifest(repository, reference).expect(200);
        String digest = Digests.sha256(reply.body());
        assertEquals(digest, reply.header("Docker-Content-Digest"), () -> repository + ":" + reference);
        if (reference.startsWith("sha256:")) {
            assertEquals(reference, digest, () -> repository + "@" + reference + " served other bytes");
        }
        for (Descriptor child : Descriptor.referencedBy(reply.body())) {
            if (child.isManifest()) {
                verifyManifest(repository, child);
            } else {
                verifyBlob(repository, child);
            }
        }
        return reply.body();
    }

    private void verifyManifest(String repository, Descriptor descriptor) {
        if (checked.add(repository + "@" + descriptor.digest())) {
            byte[] manifest = verify(repository, descriptor.digest());
            assertEquals(descriptor.size(), manifest.length, () -> "size of " + descriptor);
        }
    }

    /** Checks one blob with GET (bytes and size) and HEAD (the size clients take from Content-Length). */
    void verifyBlob(String repository, Descriptor descriptor) {
        if (!checked.add(repository + "@" + descriptor.digest())) {
            return;
        }
        Reply blob = registry.blob(repository, descriptor.digest()).expect(200);
        assertEquals(descriptor.digest(), Digests.sha256(blob.body()), () -> repository + " served other bytes");
        assertEquals(descriptor.size(), blob.body().length, () -> "size of " + descriptor + " in " + repository);
        Reply head = registry.head("/v2/" + repository + "/blobs/" + descriptor.digest())
                .expect(200);
        assertEquals(Long.toString(descriptor.size()), head.header("Content-Length"), () -> "HEAD of " + descriptor);
    }

    /** Checks that the registry serves exactly these manifest bytes under the reference. */
    void assertServes(String repository, String reference, byte[] expected) {
        Reply reply = registry.manifest(repository, reference).expect(200);
        assertArrayEquals(expected, reply.body(), () -> repository + ":" + reference + " serves other bytes");
        assertEquals(Digests.sha256(expected), reply.header("Docker-Content-Digest"));
    }
}
