package dev.berth.client.imports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.TestImages;
import dev.berth.client.TestRegistry;
import dev.berth.core.oci.Reference;
import dev.berth.core.oci.RepositoryName;
import dev.berth.core.oci.Tag;
import dev.berth.core.registry.RepositoryRef;
import dev.berth.core.spi.BlobStore.BlobReader;
import dev.berth.core.spi.ManifestStore.StoredManifest;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import java.io.IOException;
import java.nio.channels.Channels;
import java.util.Optional;

/** Checks, through the target's own services, what an import left in a repository. */
final class Imported {
    private Imported() {}

    /** The tag serves exactly the manifest, and every manifest and blob under it is in the repository. */
    static void assertTagged(TestRegistry target, String repository, String tag, TestImages.Manifest manifest)
            throws IOException {
        RepositoryRef ref = ref(target.registry(), repository);
        StoredManifest stored = target.dataPlane()
                .manifests()
                .find(ref, new Reference.ByTag(new Tag(tag)))
                .orElseThrow(() -> new AssertionError(repository + ":" + tag + " is not there"));
        assertArrayEquals(manifest.content(), stored.content());
        assertEquals(manifest.mediaType(), stored.mediaType());
        assertHolds(target, target.registry(), repository, manifest);
    }

    /** The manifest is in the repository by digest, with all its children and blobs. */
    static void assertHolds(
            TestRegistry target, RegistryRecord registry, String repository, TestImages.Manifest manifest)
            throws IOException {
        RepositoryRef ref = ref(registry, repository);
        Optional<StoredManifest> stored =
                target.dataPlane().manifests().find(ref, new Reference.ByDigest(manifest.digest()));
        assertTrue(stored.isPresent(), () -> repository + "@" + manifest.digest() + " is not there");
        for (TestImages.Manifest child : manifest.children()) {
            assertHolds(target, registry, repository, child);
        }
        for (TestImages.Blob blob : manifest.blobs()) {
            try (BlobReader reader = target.dataPlane().blobs().open(ref, blob.digest())) {
                assertArrayEquals(
                        blob.content(),
                        Channels.newInputStream(reader.channel(0)).readAllBytes());
            }
        }
    }

    static boolean hasManifest(TestRegistry target, String repository, TestImages.Manifest manifest)
            throws IOException {
        return target.dataPlane()
                .manifests()
                .find(ref(target.registry(), repository), new Reference.ByDigest(manifest.digest()))
                .isPresent();
    }

    static RepositoryRef ref(RegistryRecord registry, String repository) {
        return new RepositoryRef(registry, new RepositoryName(repository));
    }
}
