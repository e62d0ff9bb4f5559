package dev.berth.core.spi;

import dev.berth.core.lock.AttributeUpdate;
import dev.berth.core.lock.ChangeableAttributes;
import dev.berth.core.lock.Lockable;
import dev.berth.core.oci.Digest;
import dev.berth.core.oci.Tag;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The changeable attributes (ACR's locks) of repositories, tags and manifests. Each item carries its own; an item
 * nobody changed has all four on. A tag's attributes stay with it when it moves to another manifest and go when it
 * is deleted, as a manifest's go with the manifest.
 */
public interface AttributeStore {
    /** The repository's attributes and, where given and existing, a tag's and a manifest's, in one read. */
    Attributes read(long repositoryId, Optional<Tag> tag, Optional<Digest> manifest) throws IOException;

    /** The tags pointing at a manifest, with their attributes, in byte order. */
    Map<Tag, ChangeableAttributes> tagsOn(long repositoryId, Digest manifest) throws IOException;

    /** A tag, else a manifest, of the repository with {@code deleteEnabled} or {@code writeEnabled} off. */
    Optional<Locked> firstUndeletable(long repositoryId) throws IOException;

    /** Applies an update to a repository's attributes, atomically; returns them as they now are. */
    ChangeableAttributes updateRepository(long repositoryId, AttributeUpdate update) throws IOException;

    /** Applies an update to a tag's attributes; empty when there is no such tag. */
    Optional<ChangeableAttributes> updateTag(long repositoryId, Tag tag, AttributeUpdate update) throws IOException;

    /** Applies an update to a manifest's attributes; empty when there is no such manifest. */
    Optional<ChangeableAttributes> updateManifest(long repositoryId, Digest digest, AttributeUpdate update)
            throws IOException;

    /** The attributes {@link #read} found; a tag or manifest that does not exist is empty. */
    record Attributes(
            ChangeableAttributes repository,
            Optional<ChangeableAttributes> tag,
            Optional<ChangeableAttributes> manifest) {}

    /** A locked item: its kind, its name (a tag or a digest) and its attributes. */
    record Locked(Lockable kind, String name, ChangeableAttributes attributes) {}
}
