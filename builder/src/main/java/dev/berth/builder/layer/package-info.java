/**
 * Root filesystems from image layers, and layers from a root filesystem's changes.
 *
 * <p>Paths inside an image are strings relative to its root, with {@code /} separators and no leading slash
 * ({@code usr/bin/env}); a leading slash is accepted and ignored where a path is read. Every host path the builder
 * writes is found through {@link dev.berth.builder.layer.RootPath}, which resolves symbolic links the way a chroot
 * would, so nothing a layer or a Dockerfile holds can make the builder touch the host outside the root.
 *
 * <ul>
 *   <li>{@link dev.berth.builder.layer.LayerUnpacker} applies layer blobs (gzip, zstd or plain tar) onto a root
 *       filesystem, honouring OCI whiteouts; {@link dev.berth.builder.layer.ArchiveExtractor} extracts archives
 *       for {@code ADD}.
 *   <li>{@link dev.berth.builder.layer.Snapshot} records a tree's metadata; {@link dev.berth.builder.layer.Changes}
 *       compares two snapshots.
 *   <li>{@link dev.berth.builder.layer.LayerWriter} writes a reproducible layer from changes or from a list of
 *       {@link dev.berth.builder.layer.LayerEntry entries}, returning a {@link dev.berth.builder.layer.LayerBlob}.
 * </ul>
 */
package dev.berth.builder.layer;
