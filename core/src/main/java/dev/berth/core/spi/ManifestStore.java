package dev.berth.core.spi;

import dev.berth.core.oci.Descriptor;
import dev.berth.core.oci.Digest;
import dev.berth.core.oci.Tag;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Manifests kept byte for byte, with what they reference and what refers to them. */
public interface ManifestStore {
    /**
     * Stores a manifest and, if given, points a tag at it, in one transaction. Storing the same digest again only
     * moves the tag.
     */
    void put(long repositoryId, ManifestRecord manifest, Optional<Tag> tag) throws IOException;

    Optional<StoredManifest> get(long repositoryId, Digest digest) throws IOException;

    Optional<StoredManifest> getByTag(long repositoryId, Tag tag) throws IOException;

    /** Those of the given digests that are manifests of the repository. */
    Set<Digest> existing(long repositoryId, Collection<Digest> digests) throws IOException;

    /** Deletes a manifest and every tag pointing at it; true if it existed. */
    boolean delete(long repositoryId, Digest digest) throws IOException;

    /** Descriptors of the manifests whose subject is the given digest, optionally of one artifact type. */
    List<Descriptor> referrers(long repositoryId, Digest subject, Optional<String> artifactType) throws IOException;

    /**
     * A manifest to store.
     *
     * @param references every blob and child manifest digest it names, for garbage collection
     * @param annotationsJson its annotations as a JSON object, or null, for the referrers index
     */
    record ManifestRecord(
            Digest digest,
            String mediaType,
            byte[] content,
            String artifactType,
            Digest subject,
            String annotationsJson,
            List<Digest> references) {}

    /** A stored manifest as served. */
    record StoredManifest(Digest digest, String mediaType, byte[] content) {}
}
