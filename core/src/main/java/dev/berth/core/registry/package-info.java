/**
 * The domain services of the data plane: uploads, blobs, manifests and listings, and what ACR's metadata API adds
 * (details, changeable attributes, last-pulled times, repository deletion). They validate what clients send, enforce
 * the rules of the OCI Distribution Specification and the locks, and speak to storage only through the SPIs. They throw
 * {@link dev.berth.core.error.RegistryException} for the client's mistakes and {@link java.io.IOException} for
 * storage failures.
 */
package dev.berth.core.registry;
