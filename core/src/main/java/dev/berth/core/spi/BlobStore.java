package dev.berth.core.spi;

import dev.berth.core.oci.Digest;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Content-addressed bytes, and the resumable uploads that produce them. A blob becomes visible under its digest only
 * once its bytes are complete, verified and durable; an upload is private to its id until then.
 *
 * <p>Whether a repository may see a blob is not this store's business: that is the metadata store's blob links.
 * Implementations must be safe for concurrent use, but the caller serialises calls on one upload id.
 */
public interface BlobStore extends Closeable {

    /** The size of a stored blob, or empty when the store does not hold it. */
    Optional<Long> size(Digest digest) throws IOException;

    /** Opens a stored blob for reading, or empty when the store does not hold it. */
    Optional<BlobReader> open(Digest digest) throws IOException;

    /** Removes a stored blob; true if it was there. Only garbage collection calls this. */
    boolean delete(Digest digest) throws IOException;

    /** Creates an empty upload under a new, unguessable id. */
    void createUpload(String uploadId) throws IOException;

    /** The number of bytes an upload holds, or empty when there is no such upload. */
    Optional<Long> uploadSize(String uploadId) throws IOException;

    /**
     * Appends a stream to an upload. If the stream fails midway, the bytes that arrived are kept, so the client can
     * ask for the upload's status and resume.
     *
     * @return the upload's size afterwards
     */
    long append(String uploadId, InputStream content) throws IOException;

    /** Cuts an upload back to the given size, undoing a rejected chunk. */
    void truncate(String uploadId, long size) throws IOException;

    /**
     * Verifies an upload against the expected digest and, if it matches, makes it durable and visible as that blob
     * and removes the upload. If it does not match, the upload is removed and nothing becomes visible.
     */
    CommitResult commit(String uploadId, Digest expected) throws IOException;

    /** Removes an upload and its bytes; a missing upload is not an error. */
    void deleteUpload(String uploadId) throws IOException;

    /** Every upload the store holds, for the janitor that expires abandoned ones. */
    List<UploadEntry> uploads() throws IOException;

    /** Whether the store can serve requests now. */
    void check() throws IOException;

    /** The outcome of {@link #commit}. */
    record CommitResult(boolean verified, Digest actual, long size) {}

    /** An upload the store holds, with the time it last changed. */
    record UploadEntry(String uploadId, Instant lastModified) {}

    /** A readable stored blob. */
    interface BlobReader extends Closeable {
        long size();

        /** A channel positioned at the given offset. */
        ReadableByteChannel channel(long offset) throws IOException;

        /**
         * The local file holding the blob, when the store keeps it in one, so large reads can be sent without
         * copying through the heap. Stores on remote storage leave it empty.
         */
        default Optional<FileChannel> localFile() {
            return Optional.empty();
        }
    }
}
