package dev.berth.core.registry;

import dev.berth.core.oci.Digest;
import dev.berth.core.oci.Tag;
import dev.berth.core.spi.PullStore;
import dev.berth.core.spi.PullStore.PulledManifest;
import dev.berth.core.spi.PullStore.PulledTag;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When manifests and tags were last pulled, kept in memory and written to the store in batches by {@link #flush},
 * which the application calls every few seconds and on shutdown, so that a pull costs no write of its own. A crash
 * loses the times recorded since the last flush. Times not yet written are still shown, through {@link #pending}.
 */
public final class PullRecorder {
    private final PullStore store;
    private final Clock clock;
    private final Map<ManifestKey, Instant> manifests = new ConcurrentHashMap<>();
    private final Map<TagKey, Instant> tags = new ConcurrentHashMap<>();

    public PullRecorder(PullStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Notes that a manifest was pulled now (to the millisecond, as stored), through a tag or by digest. */
    void record(long repositoryId, Digest digest, Optional<Tag> tag) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        manifests.merge(new ManifestKey(repositoryId, digest), now, PullRecorder::later);
        tag.ifPresent(t -> tags.merge(new TagKey(repositoryId, t), now, PullRecorder::later));
    }

    /**
     * Writes the times recorded since the last flush in one transaction. If the write fails they are kept for the
     * next one.
     *
     * @return how many times were written
     */
    public int flush() throws IOException {
        List<PulledManifest> pulledManifests = new ArrayList<>();
        for (ManifestKey key : manifests.keySet()) {
            Instant at = manifests.remove(key);
            if (at != null) {
                pulledManifests.add(new PulledManifest(key.repositoryId(), key.digest(), at));
            }
        }
        List<PulledTag> pulledTags = new ArrayList<>();
        for (TagKey key : tags.keySet()) {
            Instant at = tags.remove(key);
            if (at != null) {
                pulledTags.add(new PulledTag(key.repositoryId(), key.tag(), at));
            }
        }
        if (pulledManifests.isEmpty() && pulledTags.isEmpty()) {
            return 0;
        }
        try {
            store.record(pulledManifests, pulledTags);
        } catch (IOException | RuntimeException e) {
            restore(pulledManifests, pulledTags);
            throw e;
        }
        return pulledManifests.size() + pulledTags.size();
    }

    /** A manifest's pull time not yet written, if any. */
    Optional<Instant> pending(long repositoryId, Digest digest) {
        return Optional.ofNullable(manifests.get(new ManifestKey(repositoryId, digest)));
    }

    /** A tag's pull time not yet written, if any. */
    Optional<Instant> pending(long repositoryId, Tag tag) {
        return Optional.ofNullable(tags.get(new TagKey(repositoryId, tag)));
    }

    /** The later of a stored and a pending time. */
    static Optional<Instant> latest(Optional<Instant> stored, Optional<Instant> pending) {
        if (stored.isEmpty() || pending.isEmpty()) {
            return stored.isPresent() ? stored : pending;
        }
        return Optional.of(later(stored.get(), pending.get()));
    }

    private void restore(List<PulledManifest> pulledManifests, List<PulledTag> pulledTags) {
        for (PulledManifest p : pulledManifests) {
            manifests.merge(new ManifestKey(p.repositoryId(), p.digest()), p.at(), PullRecorder::later);
        }
        for (PulledTag p : pulledTags) {
            tags.merge(new TagKey(p.repositoryId(), p.tag()), p.at(), PullRecorder::later);
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private record ManifestKey(long repositoryId, Digest digest) {}

    private record TagKey(long repositoryId, Tag tag) {}
}
