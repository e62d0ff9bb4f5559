package dev.berth.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.core.json.Json;
import dev.berth.core.oci.Descriptor;
import dev.berth.core.oci.Manifest;
import dev.berth.core.spi.BlobStore;
import dev.berth.core.spi.BlobStore.BlobReader;
import dev.berth.core.spi.ManifestStore;
import dev.berth.core.spi.ManifestStore.ChildPlatform;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what the metadata API shows of a manifest, once, at push: its config's media type, its platform (from the
 * image config's {@code architecture} and {@code os}), its size with everything it names, and an index's children.
 * A config that cannot be read or is not an image config simply leaves the platform unknown.
 */
final class ImageFactsReader {
    /** Image configs larger than this are not read for their platform. */
    private static final int MAX_CONFIG_BYTES = 1024 * 1024;
    /** Longer platform values are treated as unknown. */
    private static final int MAX_PLATFORM_CHARS = 64;
    /** A longer config media type is not recorded. */
    private static final int MAX_MEDIA_TYPE_CHARS = 255;

    private static final Set<String> IMAGE_CONFIGS =
            Set.of("application/vnd.oci.image.config.v1+json", "application/vnd.docker.container.image.v1+json");

    private final BlobStore blobs;

    ImageFactsReader(BlobStore blobs) {
        this.blobs = blobs;
    }

    ManifestStore.ImageFacts of(Manifest manifest, byte[] content) {
        long size = content.length;
        if (manifest.isIndex()) {
            for (Descriptor child : manifest.manifests()) {
                size = plus(size, child.size());
            }
            List<ChildPlatform> children =
                    manifest.manifests().stream().map(ImageFactsReader::child).toList();
            return new ManifestStore.ImageFacts(null, null, null, size, children);
        }
        size = plus(size, manifest.config().size());
        for (Descriptor layer : manifest.layers()) {
            size = plus(size, layer.size());
        }
        Optional<JsonNode> config = config(manifest.config());
        String configType = manifest.config().mediaType();
        return new ManifestStore.ImageFacts(
                configType.length() > MAX_MEDIA_TYPE_CHARS ? null : configType,
                config.map(c -> platformValue(c.get("architecture"))).orElse(null),
                config.map(c -> platformValue(c.get("os"))).orElse(null),
                size,
                List.of());
    }

    /** Sizes as descriptors state them, which a client may make absurd: saturating rather than overflowing. */
    private static long plus(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static ChildPlatform child(Descriptor child) {
        Descriptor.Platform p = child.platform();
        return new ChildPlatform(child.digest(), p == null ? null : p.architecture(), p == null ? null : p.os());
    }

    private Optional<JsonNode> config(Descriptor config) {
        if (!IMAGE_CONFIGS.contains(config.mediaType()) || config.size() > MAX_CONFIG_BYTES) {
            return Optional.empty();
        }
        try {
            Optional<BlobReader> reader = blobs.open(config.digest());
            if (reader.isEmpty()) {
                return Optional.empty();
            }
            try (BlobReader r = reader.get();
                    InputStream in = Channels.newInputStream(r.channel(0))) {
                JsonNode root = Json.parse(in.readNBytes(MAX_CONFIG_BYTES));
                return root.isObject() ? Optional.of(root) : Optional.empty();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String platformValue(JsonNode node) {
        if (node == null || !node.isTextual() || node.asText().isEmpty()) {
            return null;
        }
        return node.asText().length() > MAX_PLATFORM_CHARS ? null : node.asText();
    }
}
