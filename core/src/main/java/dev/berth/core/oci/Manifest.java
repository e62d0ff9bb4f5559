package dev.berth.core.oci;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The facts Berth needs from a manifest or index: what it references, what it is about, and what it is. The bytes
 * themselves are kept as they came; this is only a reading of them.
 *
 * @param mediaType the media type it was stored under
 * @param config the config descriptor of an image manifest, or null for an index
 * @param layers the layers of an image manifest, empty for an index
 * @param manifests the children of an index, empty for an image manifest
 * @param subject the manifest this one refers to, or null
 * @param artifactType the declared artifact type, or null
 * @param annotations the manifest's annotations, or an empty map
 */
public record Manifest(
        String mediaType,
        Descriptor config,
        List<Descriptor> layers,
        List<Descriptor> manifests,
        Descriptor subject,
        String artifactType,
        Map<String, String> annotations) {

    public boolean isIndex() {
        return MediaTypes.isIndex(mediaType);
    }

    /** The artifact type a referrers response reports: the declared one, else the config's media type. */
    public String effectiveArtifactType() {
        if (artifactType != null) {
            return artifactType;
        }
        return config == null ? null : config.mediaType();
    }

    /** Blobs that must be present in the repository before this manifest is accepted. */
    public List<Descriptor> requiredBlobs() {
        List<Descriptor> blobs = new ArrayList<>();
        if (config != null) {
            blobs.add(config);
        }
        for (Descriptor layer : layers) {
            if (!layer.isExternal()) {
                blobs.add(layer);
            }
        }
        return blobs;
    }
}
