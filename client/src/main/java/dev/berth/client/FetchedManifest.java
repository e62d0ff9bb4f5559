package dev.berth.client;

import dev.berth.core.oci.Digest;

/**
 * A manifest as a registry served it, its bytes already checked against its digest.
 *
 * @param digest the digest it was asked by, else the one the registry stated, else the sha256 of the bytes
 * @param mediaType the bare {@code Content-Type} the registry sent, or null when it sent none
 * @param content the exact bytes
 */
public record FetchedManifest(Digest digest, String mediaType, byte[] content) {}
