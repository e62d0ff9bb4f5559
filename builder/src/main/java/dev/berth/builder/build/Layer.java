package dev.berth.builder.build;

import dev.berth.core.oci.Descriptor;
import dev.berth.core.oci.Digest;

/**
 * A layer of an image being built: its blob (in the blob directory, or still in the base image's registry) and the
 * digest of its uncompressed tar.
 */
record Layer(String mediaType, Digest digest, Digest diffId, long size) {
    static Layer of(BuildCache.Layer cached) {
        return new Layer(cached.mediaType(), cached.digest(), cached.diffId(), cached.size());
    }

    static Layer of(Descriptor descriptor, Digest diffId) {
        return new Layer(descriptor.mediaType(), descriptor.digest(), diffId, descriptor.size());
    }

    BuildCache.Layer toCached() {
        return new BuildCache.Layer(mediaType, digest, diffId, size);
    }

    Descriptor descriptor(ImageFormat format) {
        return Descriptor.of(format.layerType(mediaType), digest, size);
    }
}
