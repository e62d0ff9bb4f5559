package dev.berth.core.registry;

import dev.berth.core.events.EventSignal;
import dev.berth.core.events.RequestContext;
import dev.berth.core.lock.AttributeUpdate;
import dev.berth.core.oci.Digest;
import dev.berth.core.oci.Tag;
import dev.berth.core.quarantine.Quarantine;
import dev.berth.core.spi.DetailStore.ManifestDetails;
import dev.berth.core.spi.DetailStore.RepositoryDetails;
import dev.berth.core.spi.DetailStore.TagDetails;
import dev.berth.core.spi.MetadataStore;
import java.io.IOException;

/**
 * Changing the changeable attributes of a repository, a tag or a manifest (ACR's PATCH), and a manifest's
 * quarantine state as a scanner sets it. Each update is applied
 * atomically to what is stored, so two updates of different attributes never undo each other. Locks do not guard
 * their own attributes: whoever may write metadata may unlock.
 */
public final class AttributeService {
    private final MetadataStore metadata;
    private final InventoryService inventory;
    private final EventSignal events;

    AttributeService(MetadataStore metadata, InventoryService inventory, EventSignal events) {
        this.metadata = metadata;
        this.inventory = inventory;
        this.events = events;
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

    /**
     * Records what a scanner decided about a manifest, with a {@code quarantine} event in the same transaction. Only
     * recorded: no policy hides a manifest for it yet.
     */
    public ManifestDetails quarantine(RepositoryRef repo, Digest digest, Quarantine quarantine) throws IOException {
        long id = inventory.existing(repo);
        if (!metadata.manifests().quarantine(id, digest, quarantine, RequestContext.current())) {
            throw InventoryService.manifestUnknown(digest);
        }
        events.committed();
        return inventory.manifest(repo, digest);
    }
}
