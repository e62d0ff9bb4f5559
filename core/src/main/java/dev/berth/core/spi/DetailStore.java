package dev.berth.core.spi;

import dev.berth.core.lock.ChangeableAttributes;
import dev.berth.core.oci.Digest;
import dev.berth.core.oci.Tag;
import dev.berth.core.quarantine.Quarantine;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What ACR's metadata API shows of a repository, its tags and its manifests: times, counts, sizes, platforms and
 * changeable attributes. Listings leave out what is hidden ({@code listEnabled} off on the item or its repository);
 * an item asked for by name is shown either way.
 */
public interface DetailStore {
    /** The repository's details; empty when it holds no manifest. */
    Optional<RepositoryDetails> repository(long repositoryId) throws IOException;

    /** Listed tags in the query's order, optionally only those pointing at one manifest. */
    List<TagDetails> tags(long repositoryId, Query query, Optional<Digest> pointingAt) throws IOException;

    Optional<TagDetails> tag(long repositoryId, Tag tag) throws IOException;

    /** Listed manifests in the query's order, each with its listed tags. */
    List<ManifestDetails> manifests(long repositoryId, Query query) throws IOException;

    /** One manifest, with its listed tags. */
    Optional<ManifestDetails> manifest(long repositoryId, Digest digest) throws IOException;

    /** The order of a detailed listing. */
    enum Order {
        /** By name (a tag) or digest (a manifest), in byte order. */
        NAME,
        /** Most recently updated first; ties by name. */
        TIME_DESC,
        /** Least recently updated first; ties by name. */
        TIME_ASC
    }

    /**
     * A page of a detailed listing: its order, where the last page ended (a tag name or a digest; with a time order
     * an item that no longer exists ends the listing) and how many at most.
     */
    record Query(Order order, String last, int limit) {}

    /** A repository as the metadata API shows it. */
    record RepositoryDetails(
            Instant createdAt, Instant updatedAt, long manifestCount, long tagCount, ChangeableAttributes attributes) {}

    /** A tag as the metadata API shows it. */
    record TagDetails(
            Tag tag,
            Digest digest,
            Instant createdAt,
            Instant updatedAt,
            Optional<Instant> lastPulledAt,
            ChangeableAttributes attributes) {
        public TagDetails withLastPulledAt(Optional<Instant> at) {
            return new TagDetails(tag, digest, createdAt, updatedAt, at, attributes);
        }
    }

    /**
     * A manifest as the metadata API shows it.
     *
     * @param facts what was read from it at push; null for manifests pushed before Berth recorded them
     * @param quarantine what a scanner set, if one did
     */
    record ManifestDetails(
            Digest digest,
            String mediaType,
            long size,
            Instant createdAt,
            Instant updatedAt,
            Optional<Instant> lastPulledAt,
            ManifestStore.ImageFacts facts,
            List<Tag> tags,
            ChangeableAttributes attributes,
            Optional<Quarantine> quarantine) {
        public ManifestDetails withLastPulledAt(Optional<Instant> at) {
            return new ManifestDetails(
                    digest, mediaType, size, createdAt, updatedAt, at, facts, tags, attributes, quarantine);
        }

        public ManifestDetails withTags(List<Tag> listed) {
            return new ManifestDetails(
                    digest, mediaType, size, createdAt, updatedAt, lastPulledAt, facts, listed, attributes, quarantine);
        }
    }
}
