package dev.berth.builder.build;

import dev.berth.builder.image.ResolvedImage;
import dev.berth.core.oci.Digest;
import java.util.Optional;

/**
 * A built image, its blobs in the builder's blob directory.
 *
 * @param manifestDigest the digest of the manifest, the image's identity
 * @param mediaType the manifest's media type
 * @param configDigest the config blob's digest
 * @param base the final stage's base image, when it has one (not {@code scratch} or another stage's result)
 * @param steps the steps run, and how many of them came from the cache
 */
public record BuildResult(
        Digest manifestDigest, String mediaType, Digest configDigest, Optional<ResolvedImage> base, Steps steps) {
    /** Counts of the layer-making steps. */
    public record Steps(int executed, int cached) {}
}
