package dev.berth.builder.build;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.builder.image.BlobDirectory;
import dev.berth.builder.image.ResolvedImage;
import dev.berth.core.json.Json;
import dev.berth.core.oci.Descriptor;
import dev.berth.core.oci.Digest;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * Writes the final stage as an image: its config, then a manifest naming the config and every layer, with the base
 * image recorded in OCI's {@code org.opencontainers.image.base.name} and {@code .base.digest} annotations (OCI
 * format only: Docker's manifest has no annotations).
 */
final class ImageWriter {
    static final String BASE_NAME = "org.opencontainers.image.base.name";
    static final String BASE_DIGEST = "org.opencontainers.image.base.digest";

    private ImageWriter() {}

    /** The manifest's digest and bytes; config and manifest are stored in the blob directory. */
    record Written(Digest manifestDigest, Digest configDigest, byte[] manifest) {}

    static Written write(StageState state, ImageFormat format, Instant created, BlobDirectory blobs)
            throws IOException {
        state.config().setCreated(created);
        byte[] config = state.config().toBytes();
        Digest configDigest = blobs.put(config);
        ObjectNode manifest = Json.object();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", format.manifestType());
        manifest.set("config", descriptor(Descriptor.of(format.configType(), configDigest, config.length)));
        ArrayNode layers = manifest.putArray("layers");
        for (Layer layer : state.layers()) {
            layers.add(descriptor(layer.descriptor(format)));
        }
        Optional<ResolvedImage> base = state.base();
        if (format == ImageFormat.OCI && base.isPresent()) {
            ObjectNode annotations = manifest.putObject("annotations");
            annotations.put(
                    BASE_NAME,
                    base.get().reference().name()
                            + base.get()
                                    .reference()
                                    .tag()
                                    .map(t -> ":" + t.value())
                                    .orElse(""));
            annotations.put(BASE_DIGEST, base.get().baseDigest().toString());
        }
        byte[] bytes = Json.write(manifest);
        Digest digest = blobs.put(bytes);
        return new Written(digest, configDigest, bytes);
    }

    private static ObjectNode descriptor(Descriptor descriptor) {
        ObjectNode node = Json.object();
        node.put("mediaType", descriptor.mediaType());
        node.put("digest", descriptor.digest().toString());
        node.put("size", descriptor.size());
        return node;
    }
}
