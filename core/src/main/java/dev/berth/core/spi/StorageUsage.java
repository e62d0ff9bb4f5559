package dev.berth.core.spi;

/**
 * Bytes of storage something uses: the blobs it holds (config and layers) and its manifests. Blob bytes are the
 * blob store's, shared by every repository that links a blob; manifest bytes are kept in the metadata store, one
 * copy per repository.
 *
 * @param blobBytes bytes of the distinct blobs counted
 * @param manifestBytes bytes of the manifests counted
 */
public record StorageUsage(long blobBytes, long manifestBytes) {
    public static final StorageUsage NONE = new StorageUsage(0, 0);

    public StorageUsage {
        if (blobBytes < 0 || manifestBytes < 0) {
            throw new IllegalArgumentException("storage usage cannot be negative");
        }
    }

    /** Blobs and manifests together. */
    public long totalBytes() {
        return blobBytes + manifestBytes;
    }
}
