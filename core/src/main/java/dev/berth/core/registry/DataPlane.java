package dev.berth.core.registry;

import dev.berth.core.events.EventSignal;
import dev.berth.core.quota.StorageQuota;
import dev.berth.core.spi.BlobStore;
import dev.berth.core.spi.MetadataStore;
import dev.berth.core.tier.TierCatalog;
import java.time.Clock;

/**
 * The domain services of the data plane, wired to one blob store and one metadata store. The {@link PullRecorder}
 * keeps pull times in memory: whoever creates the data plane flushes it every few seconds and on shutdown. The
 * {@link EventSignal} fires after each change committed with its event, for outbox workers to subscribe to.
 */
public record DataPlane(
        Repositories repositories,
        UploadService uploads,
        BlobService blobs,
        ManifestService manifests,
        ListingService listings,
        InventoryService inventory,
        AttributeService attributes,
        RepositoryDeletion repositoryDeletion,
        PullRecorder pulls,
        EventSignal events) {

    /** The data plane with ACR's tier limits. */
    public static DataPlane create(BlobStore blobStore, MetadataStore metadata, Clock clock) {
        return create(blobStore, metadata, clock, TierCatalog.defaults());
    }

    /** The data plane enforcing the storage maximums of the given tiers. */
    public static DataPlane create(BlobStore blobStore, MetadataStore metadata, Clock clock, TierCatalog tiers) {
        Repositories repositories = new Repositories(metadata.repositories());
        Locks locks = new Locks(metadata.attributes());
        PullRecorder pulls = new PullRecorder(metadata.pulls(), clock);
        InventoryService inventory = new InventoryService(metadata, repositories, pulls);
        StorageQuota quota = new StorageQuota(tiers, metadata.usage(), clock);
        EventSignal events = new EventSignal();
        return new DataPlane(
                repositories,
                new UploadService(blobStore, metadata, repositories, quota, clock),
                new BlobService(blobStore, metadata, repositories, locks),
                new ManifestService(
                        metadata, repositories, locks, pulls, new ImageFactsReader(blobStore), quota, events),
                new ListingService(metadata, repositories),
                inventory,
                new AttributeService(metadata, inventory, events),
                new RepositoryDeletion(metadata, inventory, locks, events),
                pulls,
                events);
    }
}
