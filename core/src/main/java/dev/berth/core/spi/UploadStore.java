package dev.berth.core.spi;

import dev.berth.core.oci.Digest;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Open upload sessions: which repository each belongs to and when it started. Their bytes are in the blob store. */
public interface UploadStore {
    void create(UploadSession session) throws IOException;

    Optional<UploadSession> find(String uploadId) throws IOException;

    void delete(String uploadId) throws IOException;

    /**
     * Closes a session whose blob is verified and durable: links the blob to the repository and forgets the session,
     * in one transaction.
     */
    void finish(String uploadId, long repositoryId, Digest digest, long size) throws IOException;

    /** Sessions started before the given time, for expiry. */
    List<UploadSession> startedBefore(Instant cutoff) throws IOException;

    /** An upload session. */
    record UploadSession(String id, long repositoryId, Instant startedAt) {}
}
