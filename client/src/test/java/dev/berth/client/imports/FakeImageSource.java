package dev.berth.client.imports;

import dev.berth.client.TestImages;
import dev.berth.core.imports.ImageSource;
import dev.berth.core.imports.ImageSourceException;
import dev.berth.core.oci.Descriptor;
import dev.berth.core.oci.Digest;
import dev.berth.core.oci.Reference;
import dev.berth.core.oci.RepositoryName;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An image source in memory that serves whatever it is given, checking nothing, so the import's own defences can be
 * seen at work: wrong bytes, broken streams, oversized indexes.
 */
final class FakeImageSource implements ImageSource {
    private final Map<String, SourceManifest> manifests = new HashMap<>();
    private final Map<Digest, byte[]> blobs = new HashMap<>();
    private final Map<Digest, ImageSourceException> breaking = new HashMap<>();

    /** Serves the manifest under the tag and its digest, its children by digest, and every blob under it. */
    FakeImageSource with(String tag, TestImages.Manifest manifest) {
        manifests.put(tag, source(manifest));
        add(manifest);
        return this;
    }

    /** Serves other bytes for a blob than its digest names. */
    FakeImageSource lyingAbout(Digest blob, byte[] content) {
        blobs.put(blob, content);
        return this;
    }

    /** Stops serving a manifest, as a source whose index lists what it lost. */
    FakeImageSource losing(Digest manifest) {
        manifests.remove(manifest.toString());
        return this;
    }

    /** Fails the blob's stream after its first bytes. */
    FakeImageSource breaking(Digest blob, ImageSourceException failure) {
        breaking.put(blob, failure);
        return this;
    }

    private void add(TestImages.Manifest manifest) {
        manifests.put(manifest.digest().toString(), source(manifest));
        manifest.blobs().forEach(blob -> blobs.put(blob.digest(), blob.content()));
        manifest.children().forEach(this::add);
    }

    private static SourceManifest source(TestImages.Manifest manifest) {
        return new SourceManifest(manifest.digest(), manifest.mediaType(), manifest.content());
    }

    @Override
    public Optional<SourceManifest> manifest(RepositoryName repository, Reference reference) {
        return Optional.ofNullable(manifests.get(reference.toString()));
    }

    @Override
    public Optional<SourceBlob> blob(RepositoryName repository, Descriptor descriptor) {
        byte[] content = blobs.get(descriptor.digest());
        if (content == null) {
            return Optional.empty();
        }
        InputStream stream = new ByteArrayInputStream(content);
        ImageSourceException failure = breaking.get(descriptor.digest());
        if (failure != null) {
            stream = new SequenceInputStream(new ByteArrayInputStream(content, 0, 10), new InputStream() {
                @Override
                public int read() throws IOException {
                    throw failure;
                }
            });
        }
        return Optional.of(new SourceBlob(-1, stream));
    }

    @Override
    public String describe() {
        return "the fake registry";
    }
}
