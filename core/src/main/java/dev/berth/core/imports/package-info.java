/**
 * Importing images server-side, as ACR's {@code az acr import} does: {@link dev.berth.core.imports.ImportService}
 * copies an image or index, with all its platforms, from an {@link dev.berth.core.imports.ImageSource} (another
 * registry of this installation, or any OCI registry through {@link dev.berth.core.imports.RemoteImageSources}) into
 * a registry, through the data plane's own services, and tags it only once everything is in. The request mirrors
 * the body of ARM's {@code importImage}; see docs/import.md.
 */
package dev.berth.core.imports;
