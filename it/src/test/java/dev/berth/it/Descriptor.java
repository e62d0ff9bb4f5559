package dev.berth.it;

import java.util.ArrayList;
import java.util.List;

/**
 * What a manifest or index points at: media type, digest, size and, for index entries, the platform's
 * architecture. {@link #referencedBy} reads them out of manifest bytes of any of the four schema-2 kinds.
 */
record Descriptor(String mediaType, String digest, long size, String architecture) {

    static Descriptor of(JsonDoc json) {
        return new Descriptor(
                json.text("mediaType"),
                json.text("digest"),
                json.number("size"),
                json.text("platform", "architecture"));
    }

    boolean isManifest() {
        return mediaType != null && mediaType.contains("manifest") || isIndex();
    }

    boolean isIndex() {
        return mediaType != null && (mediaType.contains("image.index") || mediaType.contains("manifest.list"));
    }

    /** The config and layers of an image manifest, or the manifests of an index, in document order. */
    static List<Descriptor> referencedBy(byte[] manifest) {
        JsonDoc json = JsonDoc.parse(manifest);
        List<Descriptor> references = new ArrayList<>();
        if (json.has("config")) {
            references.add(of(json.object("config")));
        }
        json.array("layers").forEach(layer -> references.add(of(layer)));
        json.array("manifests").forEach(entry -> references.add(of(entry)));
        return references;
    }
}
