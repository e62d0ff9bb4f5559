package dev.berth.core.registry;

import dev.berth.core.lock.AttributeUpdate;
import dev.berth.core.oci.Digest;
import dev.berth.core.oci.Tag;
import dev.berth.core.spi.DetailStore.ManifestDetails;
import dev.berth.core.spi.DetailStore.RepositoryDetails;
import dev.berth.core.spi.DetailStore.TagDetails;
import dev.berth.core.spi.MetadataStore;
import java.io.IOException;

/**
 * Changing the changeable attributes of a repository, a tag or a manifest (ACR's PATCH). Each update is applied
 * atomically to what is stored, so two updates of different attributes never undo each other. Locks do not guard
 * their own attributes: whoever may write metadata may unlock.
 */
public final class AttributeService {
    private final MetadataStore metadata;
    private final InventoryService inventory;

    AttributeService(MetadataStore metadata, InventoryService inventory) {
        this.metadata = metadata;
        this.inventory = inventory;
    }

    public RepositoryDetails updateRepository(RepositoryRef repo, AttributeUpdate update) throws IOException {
        long id = inventory.existing(repo);
        metadata.attributes().updateRepository(id, update);
        return inventory.repository(repo);
    }

    public TagDetails updateTag(RepositoryRef repo, Tag tag, AttributeUpdate update) throws IOException {
        long id = inventory.existing(repo);
        metadata.attributes().updateTag(id, tag, update).orElseThrow(() -> InventoryService.tagUnknown(tag));
        return inventory.tag(repo, tag);
    }

    public ManifestDetails updateManifest(RepositoryRef repo, Digest digest, AttributeUpdate update)
            throws IOException {
        long id = inventory.existing(repo);
        metadata.attributes()
                .updateManifest(id, digest, update)
                .orElseThrow(() -> InventoryService.manifestUnknown(digest));
        return inventory.manifest(repo, digest);
    }
}
