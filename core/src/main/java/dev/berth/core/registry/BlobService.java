package dev.berth.core.registry;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.lock.ChangeableAttributes.Operation;
import dev.berth.core.oci.Digest;
import dev.berth.core.spi.BlobStore;
import dev.berth.core.spi.BlobStore.BlobReader;
import dev.berth.core.spi.ManifestStore.StoredManifest;
import dev.berth.core.spi.MetadataStore;
import java.io.IOException;
import java.util.Optional;

/**
 * Reading and unlinking the blobs of a repository. A manifest may be fetched through the blob endpoint too, as
 * Distribution allows, since some clients do. Blobs themselves are never locked.
 */
public final class BlobService {
    private final BlobStore blobs;
    private final MetadataStore metadata;
    private final Repositories repositories;
    private final Locks locks;

    BlobService(BlobStore blobs, MetadataStore metadata, Repositories repositories, Locks locks) {
        this.blobs = blobs;
        this.metadata = metadata;
        this.repositories = repositories;
        this.locks = locks;
    }

    /** The size of a blob readable in the repository, or {@link ErrorCode#BLOB_UNKNOWN}. */
    public long size(RepositoryRef repo, Digest digest) throws IOException {
        long repositoryId = requireRepository(repo, digest);
        Optional<Long> linked = metadata.blobLinks().linkedSize(repositoryId, digest);
        if (linked.isPresent()) {
            return linked.get();
        }
        return (long) manifest(repo, repositoryId, digest).content().length;
    }

    /** The size of a blob linked to the repository, or empty when it is not (manifests are not blobs here). */
    public Optional<Long> linkedSize(RepositoryRef repo, Digest digest) throws IOException {
        Optional<Long> repositoryId = repositories.find(repo);
        return repositoryId.isEmpty() ? Optional.empty() : metadata.blobLinks().linkedSize(repositoryId.get(), digest);
    }

    /** Opens a blob readable in the repository, or {@link ErrorCode#BLOB_UNKNOWN}. */
    public BlobReader open(RepositoryRef repo, Digest digest) throws IOException {
        long repositoryId = requireRepository(repo, digest);
        if (metadata.blobLinks().linkedSize(repositoryId, digest).isPresent()) {
            return blobs.open(digest).orElseThrow(() -> unknown(digest));
        }
        return new ByteArrayBlobReader(manifest(repo, repositoryId, digest).content());
    }

    /** A manifest read through the blob endpoint, which its read lock applies to as it does on the manifest's. */
    private StoredManifest manifest(RepositoryRef repo, long repositoryId, Digest digest) throws IOException {
        StoredManifest manifest = metadata.manifests().get(repositoryId, digest).orElseThrow(() -> unknown(digest));
        locks.checkPull(repo, repositoryId, Optional.empty(), digest);
        return manifest;
    }

    /**
     * Unlinks a blob from the repository; its bytes stay until garbage collection finds them unused. Refused when the
     * repository is locked against deletes.
     */
    public void delete(RepositoryRef repo, Digest digest) throws IOException {
        long repositoryId = requireRepository(repo, digest);
        locks.checkRepository(repo, repositoryId, Operation.DELETE);
        if (!metadata.blobLinks().unlink(repositoryId, digest)) {
            throw unknown(digest);
        }
    }

    private long requireRepository(RepositoryRef repo, Digest digest) throws IOException {
        return repositories.find(repo).orElseThrow(() -> unknown(digest));
    }

    private static RegistryException unknown(Digest digest) {
        return new RegistryException(ErrorCode.BLOB_UNKNOWN, "blob unknown to registry: " + digest);
    }
}
