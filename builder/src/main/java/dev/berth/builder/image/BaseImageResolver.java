package dev.berth.builder.image;

import dev.berth.core.imports.ImageSource;
import dev.berth.core.oci.Descriptor;
import dev.berth.core.oci.Digest;
import dev.berth.core.oci.Manifest;
import dev.berth.core.oci.ManifestParser;
import dev.berth.core.oci.Reference;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Resolves {@code FROM} images: reads the manifest the name points at, picks the platform's manifest from an index,
 * reads the config, and fetches layers into the blob directory (each once, verified by digest).
 */
public final class BaseImageResolver {
    private final ImageSources sources;
    private final BlobDirectory blobs;

    public BaseImageResolver(ImageSources sources, BlobDirectory blobs) {
        this.sources = sources;
        this.blobs = blobs;
    }

    public ResolvedImage resolve(ImageReference reference, Platform platform) throws IOException {
        try (ImageSource source = sources.open(reference.registry())) {
            ImageSource.SourceManifest top = manifest(source, reference, reference.reference());
            ImageReference pinned = reference.withDigest(top.digest());
            Manifest manifest = ManifestParser.parse(top.content(), top.mediaType());
            Digest manifestDigest = top.digest();
            if (manifest.isIndex()) {
                Descriptor chosen = choose(manifest, platform, reference);
                ImageSource.SourceManifest child = manifest(source, reference, new Reference.ByDigest(chosen.digest()));
                manifest = ManifestParser.parse(child.content(), child.mediaType());
                manifestDigest = child.digest();
            }
            if (manifest.config() == null || manifest.isIndex()) {
                throw new IOException(reference + " is not an image (its manifest has no config)");
            }
            fetch(source, reference, manifest.config());
            ImageConfig config = ImageConfig.parse(blobs.read(manifest.config().digest()));
            return new ResolvedImage(pinned, manifestDigest, config, manifest.layers());
        }
    }

    /** Makes sure every layer of the image is in the blob directory. */
    public void fetchLayers(ResolvedImage image) throws IOException {
        if (image.layers().stream().allMatch(l -> blobs.has(l.digest()))) {
            return;
        }
        try (ImageSource source = sources.open(image.reference().registry())) {
            for (Descriptor layer : image.layers()) {
                if (layer.isExternal()) {
                    throw new IOException(image.reference() + " has a foreign layer (" + layer.digest()
                            + "), which a Linux build cannot use");
                }
                fetch(source, image.reference(), layer);
            }
        }
    }

    private void fetch(ImageSource source, ImageReference reference, Descriptor blob) throws IOException {
        if (blobs.has(blob.digest())) {
            return;
        }
        Optional<ImageSource.SourceBlob> found = source.blob(reference.repository(), blob);
        if (found.isEmpty()) {
            throw new IOException(reference + ": blob " + blob.digest() + " not found in " + source.describe());
        }
        try (ImageSource.SourceBlob content = found.get();
                InputStream in = content.content()) {
            blobs.put(in, blob.digest());
        }
    }

    private static ImageSource.SourceManifest manifest(ImageSource source, ImageReference name, Reference reference)
            throws IOException {
        return source.manifest(name.repository(), reference)
                .orElseThrow(() -> new IOException(
                        "base image " + name + " not found (" + source.describe() + " has no " + reference + ")"));
    }

    private static Descriptor choose(Manifest index, Platform platform, ImageReference reference) throws IOException {
        List<Descriptor> candidates = index.manifests().stream()
                .filter(d -> platform.matches(d.platform()))
                .toList();
        if (candidates.isEmpty()) {
            throw new IOException(reference + " has no image for platform " + platform);
        }
        return candidates.getFirst();
    }
}
