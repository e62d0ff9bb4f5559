package dev.berth.core.registry;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.oci.Digest;
import dev.berth.core.oci.RepositoryName;
import dev.berth.core.quota.StorageQuota;
import dev.berth.core.spi.BlobStore;
import dev.berth.core.spi.MetadataStore;
import dev.berth.core.spi.UploadStore.UploadSession;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Blob uploads: sessions opened by POST, fed by PATCH, finished by PUT with the digest, and the shortcuts around
 * them (monolithic upload, cross-repository mount). A blob is linked to the repository only after its bytes are
 * verified and durable, so an acknowledged upload survives any crash and an unfinished one is never visible. Each way
 * of finishing checks the registry's storage quota before the blob becomes visible.
 */
public final class UploadService {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final BlobStore blobs;
    private final MetadataStore metadata;
    private final Repositories repositories;
    private final StorageQuota quota;
    private final Clock clock;
    private final StripedLocks locks = new StripedLocks(256);

    public UploadService(
            BlobStore blobs, MetadataStore metadata, Repositories repositories, StorageQuota quota, Clock clock) {
        this.blobs = blobs;
        this.metadata = metadata;
        this.repositories = repositories;
        this.quota = quota;
        this.clock = clock;
    }

    /** Opens an upload session in the repository, creating the repository if needed. */
    public UploadStatus start(RepositoryRef repo) throws IOException {
        long repositoryId = repositories.getOrCreate(repo);
        String id = newUploadId();
        blobs.createUpload(id);
        metadata.uploads().create(new UploadSession(id, repositoryId, clock.instant()));
        return new UploadStatus(id, 0);
    }

    /**
     * Receives a whole blob in one request ({@code POST ?digest=}). No session is recorded: the upload lives only
     * for this request, and if the process dies midway the janitor removes its file as one no session owns.
     */
    public long uploadWhole(RepositoryRef repo, Digest digest, Optional<Long> contentLength, InputStream body)
            throws IOException {
        long repositoryId = repositories.getOrCreate(repo);
        String id = newUploadId();
        blobs.createUpload(id);
        try {
            long size = blobs.append(id, body);
            if (contentLength.isPresent() && size != contentLength.get()) {
                throw new RegistryException(
                        ErrorCode.SIZE_INVALID,
                        "body carried " + size + " bytes but Content-Length said " + contentLength.get());
            }
            long adds = quota.requireRoomForBlob(repo.registry(), digest, size);
            BlobStore.CommitResult result = blobs.commit(id, digest);
            requireVerified(digest, result);
            metadata.blobLinks().link(repositoryId, digest, result.size());
            quota.added(repo.registry(), adds);
            return result.size();
        } finally {
            blobs.deleteUpload(id);
        }
    }

    public UploadStatus status(RepositoryRef repo, String uploadId) throws IOException {
        requireSession(repo, uploadId);
        return new UploadStatus(uploadId, currentSize(uploadId));
    }

    /**
     * Appends a chunk. With a Content-Range, the chunk must start where the upload ends ({@link
     * ErrorCode#RANGE_INVALID}, 416 otherwise) and be as long as it claims; without one it is streamed on.
     */
    public UploadStatus append(
            RepositoryRef repo,
            String uploadId,
            Optional<ContentRange> range,
            Optional<Long> contentLength,
            InputStream body)
            throws IOException {
        requireSession(repo, uploadId);
        ReentrantLock lock = locks.forKey(uploadId);
        lock.lock();
        try {
            long size = appendChecked(uploadId, range, contentLength, body);
            return new UploadStatus(uploadId, size);
        } finally {
            lock.unlock();
        }
    }

    /** Finishes an upload with an optional last chunk, verifies it against the digest and links the blob. */
    public long complete(
            RepositoryRef repo,
            String uploadId,
            Digest digest,
            Optional<ContentRange> range,
            Optional<Long> contentLength,
            InputStream body)
            throws IOException {
        UploadSession session = requireSession(repo, uploadId);
        ReentrantLock lock = locks.forKey(uploadId);
        lock.lock();
        try {
            requireStillOpen(uploadId);
            if (range.isPresent() || contentLength.orElse(-1L) != 0) {
                appendChecked(uploadId, range, contentLength, body);
            }
            long adds = requireRoomOrDiscard(repo, uploadId, digest);
            BlobStore.CommitResult result = blobs.commit(uploadId, digest);
            if (!result.verified()) {
                metadata.uploads().delete(uploadId);
            }
            requireVerified(digest, result);
            metadata.uploads().finish(uploadId, session.repositoryId(), digest, result.size());
            quota.added(repo.registry(), adds);
            return result.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Links a blob from another repository of the same registry without moving bytes. Empty when the source does
     * not hold the blob, in which case the caller opens an ordinary upload. The registry holds the blob already, so
     * a mount adds no storage; it is refused only when the registry is over its quota.
     */
    public Optional<Long> mount(RepositoryRef repo, RepositoryName from, Digest digest) throws IOException {
        return mount(repo, new RepositoryRef(repo.registry(), from), digest);
    }

    /**
     * Links a blob that a repository of any registry of the installation holds, without moving bytes (the bytes are
     * stored once per installation). Empty when the source does not hold it. Whether the caller may read the source
     * is the caller's to check.
     */
    public Optional<Long> mount(RepositoryRef repo, RepositoryRef from, Digest digest) throws IOException {
        Optional<Long> sourceId = repositories.find(from);
        if (sourceId.isEmpty()) {
            return Optional.empty();
        }
        Optional<Long> size = metadata.blobLinks().linkedSize(sourceId.get(), digest);
        if (size.isEmpty() || blobs.size(digest).isEmpty()) {
            return Optional.empty();
        }
        long adds = quota.requireRoomForBlob(repo.registry(), digest, size.get());
        metadata.blobLinks().link(repositories.getOrCreate(repo), digest, size.get());
        quota.added(repo.registry(), adds);
        return size;
    }

    public void cancel(RepositoryRef repo, String uploadId) throws IOException {
        requireSession(repo, uploadId);
        ReentrantLock lock = locks.forKey(uploadId);
        lock.lock();
        try {
            requireStillOpen(uploadId);
            metadata.uploads().delete(uploadId);
            blobs.deleteUpload(uploadId);
        } finally {
            lock.unlock();
        }
    }

    /** Removes sessions started before the cutoff, and upload files no session owns; returns how many went. */
    public int expire(Instant cutoff) throws IOException {
        int removed = 0;
        for (UploadSession session : metadata.uploads().startedBefore(cutoff)) {
            metadata.uploads().delete(session.id());
            blobs.deleteUpload(session.id());
            removed++;
        }
        for (BlobStore.UploadEntry entry : blobs.uploads()) {
            if (entry.lastModified().isBefore(cutoff)
                    && metadata.uploads().find(entry.uploadId()).isEmpty()) {
                blobs.deleteUpload(entry.uploadId());
                removed++;
            }
        }
        return removed;
    }

    private long appendChecked(
            String uploadId, Optional<ContentRange> range, Optional<Long> contentLength, InputStream body)
            throws IOException {
        long before = currentSize(uploadId);
        if (range.isPresent()) {
            checkRange(range.get(), before, contentLength);
        }
        long after = blobs.append(uploadId, body);
        long expected = range.map(ContentRange::length).or(() -> contentLength).orElse(-1L);
        if (expected >= 0 && after - before != expected) {
            blobs.truncate(uploadId, before);
            throw new RegistryException(
                    ErrorCode.SIZE_INVALID, "chunk carried " + (after - before) + " bytes but claimed " + expected);
        }
        return after;
    }

    /** Checks the quota for the finished upload; an upload refused is discarded, as one whose digest is wrong. */
    private long requireRoomOrDiscard(RepositoryRef repo, String uploadId, Digest digest) throws IOException {
        try {
            return quota.requireRoomForBlob(repo.registry(), digest, currentSize(uploadId));
        } catch (RegistryException e) {
            metadata.uploads().delete(uploadId);
            blobs.deleteUpload(uploadId);
            throw e;
        }
    }

    private static void checkRange(ContentRange range, long size, Optional<Long> contentLength) {
        if (range.start() != size) {
            throw new RegistryException(
                    ErrorCode.RANGE_INVALID,
                    "chunk starts at " + range.start() + " but the upload holds " + size + " bytes",
                    size);
        }
        if (contentLength.isPresent() && contentLength.get() != range.length()) {
            throw new RegistryException(
                    ErrorCode.SIZE_INVALID,
                    "Content-Length " + contentLength.get() + " does not match Content-Range length " + range.length());
        }
    }

    private long currentSize(String uploadId) throws IOException {
        return blobs.uploadSize(uploadId).orElseThrow(() -> unknownUpload(uploadId));
    }

    private UploadSession requireSession(RepositoryRef repo, String uploadId) throws IOException {
        if (!isWellFormedId(uploadId)) {
            throw unknownUpload(uploadId);
        }
        Optional<UploadSession> session = metadata.uploads().find(uploadId);
        Optional<Long> repositoryId = repositories.find(repo);
        if (session.isEmpty() || repositoryId.isEmpty() || session.get().repositoryId() != repositoryId.get()) {
            throw unknownUpload(uploadId);
        }
        return session.get();
    }

    private static void requireVerified(Digest digest, BlobStore.CommitResult result) {
        if (!result.verified()) {
            throw new RegistryException(
                    ErrorCode.DIGEST_INVALID,
                    "provided digest " + digest + " did not match uploaded content " + result.actual());
        }
    }

    /** Fails when another request finished or cancelled the upload while this one waited for its lock. */
    private void requireStillOpen(String uploadId) throws IOException {
        if (metadata.uploads().find(uploadId).isEmpty()) {
            throw unknownUpload(uploadId);
        }
    }

    private static RegistryException unknownUpload(String uploadId) {
        return new RegistryException(
                ErrorCode.BLOB_UPLOAD_UNKNOWN,
                "blob upload unknown to registry: " + (isWellFormedId(uploadId) ? uploadId : "(malformed id)"));
    }

    static boolean isWellFormedId(String id) {
        return id != null
                && id.length() == 32
                && id.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    private static String newUploadId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
