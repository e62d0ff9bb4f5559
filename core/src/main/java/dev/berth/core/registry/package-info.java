/**
 * The domain services of the data plane: uploads, blobs, manifests and listings. They validate what clients send,
 * enforce the rules of the OCI Distribution Specification, and speak to storage only through the SPIs. They throw
 * {@link dev.berth.core.error.RegistryException} for the client's mistakes and {@link java.io.IOException} for
 * storage failures.
 */
package dev.berth.core.registry;
