/**
 * The OCI model as value types validated in their constructors: digests, repository names, tags, references,
 * media types, descriptors, and the parsed form of a manifest.
 */
package dev.berth.core.oci;
