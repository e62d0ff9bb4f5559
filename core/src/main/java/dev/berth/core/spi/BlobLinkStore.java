package dev.berth.core.spi;

import dev.berth.core.oci.Digest;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Which blobs each repository may read. A blob in the blob store is invisible to a repository until linked. */
public interface BlobLinkStore {
    /** Links a blob of the given size to a repository; linking twice is harmless. */
    void link(long repositoryId, Digest digest, long size) throws IOException;

    /** The size of a blob linked to the repository, or empty. */
    Optional<Long> linkedSize(long repositoryId, Digest digest) throws IOException;

    /** Sizes of those of the given blobs linked to the repository. */
    Map<Digest, Long> linkedSizes(long repositoryId, Collection<Digest> digests) throws IOException;

    /** Unlinks a blob from a repository; true if it was linked. */
    boolean unlink(long repositoryId, Digest digest) throws IOException;
}
