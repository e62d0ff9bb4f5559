package dev.berth.core.spi;

import dev.berth.core.oci.Digest;
import dev.berth.core.oci.Tag;
import java.io.IOException;
import java.time.Instant;
import java.util.Collection;

/** When each manifest and tag was last pulled. Written in batches, never once per pull. */
public interface PullStore {
    /**
     * Records pull times in one transaction. A time earlier than the one already recorded is ignored, and an item
     * that no longer exists is skipped.
     */
    void record(Collection<PulledManifest> manifests, Collection<PulledTag> tags) throws IOException;

    /** A manifest of a repository, pulled at a time. */
    record PulledManifest(long repositoryId, Digest digest, Instant at) {}

    /** A tag of a repository, pulled at a time. */
    record PulledTag(long repositoryId, Tag tag, Instant at) {}
}
