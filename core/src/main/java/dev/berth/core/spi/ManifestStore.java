package dev.berth.core.spi;

import dev.berth.core.events.RequestContext;
import dev.berth.core.oci.Descriptor;
import dev.berth.core.oci.Digest;
import dev.berth.core.oci.Tag;
import dev.berth.core.quarantine.Quarantine;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Manifests kept byte for byte, with what they reference and what refers to them. */
public interface ManifestStore {
    /**
     * Stores a manifest and, if given, points a tag at it, and appends a push event made in the given context, in one
     * transaction. Storing the same digest again only moves the tag (and is a push again).
     */
    void put(long repositoryId, ManifestRecord manifest, Optional<Tag> tag, RequestContext context) throws IOException;

    Optional<StoredManifest> get(long repositoryId, Digest digest) throws IOException;

    Optional<StoredManifest> getByTag(long repositoryId, Tag tag) throws IOException;

    /** Those of the given digests that are manifests of the repository. */
    Set<Digest> existing(long repositoryId, Collection<Digest> digests) throws IOException;

    /**
     * Deletes a manifest and every tag pointing at it, with a delete event, in one transaction; true if it existed
     * (otherwise nothing, not even an event, is written).
     */
    boolean delete(long repositoryId, Digest digest, RequestContext context) throws IOException;

    /**
     * Sets a manifest's quarantine state and details, with a quarantine event, in one transaction; true if the
     * manifest exists (otherwise nothing is written).
     */
    boolean quarantine(long repositoryId, Digest digest, Quarantine quarantine, RequestContext context)
            throws IOException;

    /** Descriptors of the manifests whose subject is the given digest, optionally of one artifact type. */
    List<Descriptor> referrers(long repositoryId, Digest subject, Optional<String> artifactType) throws IOException;

    /**
     * A manifest to store.
     *
     * @param references every blob and child manifest digest it names, for garbage collection
     * @param annotationsJson its annotations as a JSON object, or null, for the referrers index
     * @param facts what the metadata API shows of it, or null when unknown
     */
    record ManifestRecord(
            Digest digest,
            String mediaType,
            byte[] content,
            String artifactType,
            Digest subject,
            String annotationsJson,
            List<Digest> references,
            ImageFacts facts) {
        /** A manifest whose facts are unknown. */
        public ManifestRecord(
                Digest digest,
                String mediaType,
                byte[] content,
                String artifactType,
                Digest subject,
                String annotationsJson,
                List<Digest> references) {
            this(digest, mediaType, content, artifactType, subject, annotationsJson, references, null);
        }
    }

    /**
     * What a manifest is, read once at push for the metadata API.
     *
     * @param configMediaType the config's media type; null for an index
     * @param architecture the image's architecture, from its config; null when unknown or for an index
     * @param os the image's operating system, likewise
     * @param imageSize the manifest's own size plus the sizes of everything it names (config and layers, or the
     *     manifests of an index)
     * @param children an index's manifests with their platforms; empty for an image
     */
    record ImageFacts(
            String configMediaType, String architecture, String os, long imageSize, List<ChildPlatform> children) {
        public ImageFacts {
            children = List.copyOf(children);
        }
    }

    /** A manifest an index lists, with the platform the index gives it (either part may be null). */
    record ChildPlatform(Digest digest, String architecture, String os) {}

    /** A stored manifest as served. */
    record StoredManifest(Digest digest, String mediaType, byte[] content) {}
}
