package dev.berth.core.oci;

import java.util.List;
import java.util.Map;

/**
 * An OCI content descriptor. Optional fields are null when absent, so a descriptor written back out carries only
 * what it came with.
 */
public record Descriptor(
        String mediaType,
        Digest digest,
        long size,
        String artifactType,
        Map<String, String> annotations,
        List<String> urls,
        Platform platform) {

    /** The platform of an index entry. */
    public record Platform(String architecture, String os, String variant, String osVersion) {}

    public static Descriptor of(String mediaType, Digest digest, long size) {
        return new Descriptor(mediaType, digest, size, null, null, null, null);
    }

    /** True for a layer that lives elsewhere (foreign or non-distributable) and need not be in the registry. */
    public boolean isExternal() {
        return urls != null && !urls.isEmpty();
    }
}
