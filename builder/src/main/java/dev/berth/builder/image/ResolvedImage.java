package dev.berth.builder.image;

import dev.berth.core.oci.Descriptor;
import dev.berth.core.oci.Digest;
import java.util.List;

/**
 * A base image picked for one platform.
 *
 * @param reference the name it was asked by, pinned to the digest the name resolved to (an index's, for a
 *     multi-platform image), which the built image records as its base
 * @param manifestDigest the digest of the platform's image manifest
 * @param config its config
 * @param layers its layer descriptors, bottom first; the config's diff ids line up with them
 */
public record ResolvedImage(
        ImageReference reference, Digest manifestDigest, ImageConfig config, List<Descriptor> layers) {
    public ResolvedImage {
        layers = List.copyOf(layers);
    }

    /** The digest recorded as {@code org.opencontainers.image.base.digest}. */
    public Digest baseDigest() {
        return reference.digest().orElse(manifestDigest);
    }
}
