package dev.berth.core.spi;

import dev.berth.core.oci.Digest;
import dev.berth.core.oci.RepositoryName;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * How much storage registries, repositories and manifests use. Blobs are counted once for whatever holds them, so
 * a layer shared by many images or repositories is counted once in the total of each: a registry's usage is what
 * it costs to store it, and the sum of its repositories' usages may be larger. A blob counts only while linked to a
 * repository (bytes left for garbage collection count for nobody); a layer stored elsewhere ({@code urls}) counts
 * for nothing. Referrers (signatures, SBOMs) are manifests of their own and count for themselves, not for their
 * subject.
 */
public interface UsageStore {
    /** A registry: every distinct blob linked in any of its repositories once, plus every manifest it stores. */
    StorageUsage registry(long registryId) throws IOException;

    /** Each repository of the registry, in name order: the blobs linked there, plus its manifests. */
    List<RepositoryUsage> repositories(long registryId) throws IOException;

    /** One repository: the blobs linked there, plus its manifests. */
    StorageUsage repository(long repositoryId) throws IOException;

    /**
     * Each manifest of the repository, by digest: see {@link #manifest}.
     *
     * @return in digest order
     */
    List<ManifestUsage> manifests(long repositoryId) throws IOException;

    /**
     * One manifest: itself, its config and its layers; for an index, itself and everything its children (and their
     * children) hold, each blob and child once. Empty when the repository has no such manifest.
     */
    Optional<StorageUsage> manifest(long repositoryId, Digest digest) throws IOException;

    /** Whether any repository of the registry links the blob, so that pushing it again costs no storage. */
    boolean holdsBlob(long registryId, Digest digest) throws IOException;

    /** The usage of one repository. */
    record RepositoryUsage(RepositoryName name, StorageUsage usage) {}

    /** The usage of one manifest. */
    record ManifestUsage(Digest digest, StorageUsage usage) {}
}
