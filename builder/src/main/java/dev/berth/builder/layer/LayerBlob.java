package dev.berth.builder.layer;

import dev.berth.core.oci.Digest;
import java.nio.file.Path;

/**
 * A layer written to a file.
 *
 * @param file where the bytes are
 * @param digest sha256 of the file's bytes (compressed): the blob digest a manifest names
 * @param diffId sha256 of the uncompressed tar: what the image config's {@code rootfs.diff_ids} lists
 * @param size the file's size in bytes
 * @param mediaType the OCI layer media type ({@code application/vnd.oci.image.layer.v1.tar+gzip} or {@code
 *     ...v1.tar})
 */
public record LayerBlob(Path file, Digest digest, Digest diffId, long size, String mediaType) {
    public static final String OCI_LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
    public static final String OCI_LAYER_TAR = "application/vnd.oci.image.layer.v1.tar";
}
