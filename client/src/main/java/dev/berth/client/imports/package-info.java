/**
 * The client as the import service's source of remote images: {@link dev.berth.client.imports.HttpImageSources}
 * opens a {@link dev.berth.client.RegistryClient} per import and turns its failures into {@link
 * dev.berth.core.imports.ImageSourceException}s.
 */
package dev.berth.client.imports;
