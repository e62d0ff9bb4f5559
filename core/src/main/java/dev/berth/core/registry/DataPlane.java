package dev.berth.core.registry;

import dev.berth.core.quota.StorageQuota;
import dev.berth.core.spi.BlobStore;
import dev.berth.core.spi.MetadataStore;
import dev.berth.core.tier.TierCatalog;
import java.time.Clock;

/** The domain services of the data plane, wired to one blob store and one metadata store. */
public record DataPlane(
        Repositories repositories,
        UploadService uploads,
        BlobService blobs,
        ManifestService manifests,
        ListingService listings) {

    /** The data plane with ACR's tier limits. */
    public static DataPlane create(BlobStore blobStore, MetadataStore metadata, Clock clock) {
        return create(blobStore, metadata, clock, TierCatalog.defaults());
    }

    /** The data plane enforcing the storage maximums of the given tiers. */
    public static DataPlane create(BlobStore blobStore, MetadataStore metadata, Clock clock, TierCatalog tiers) {
        Repositories repositories = new Repositories(metadata.repositories());
        StorageQuota quota = new StorageQuota(tiers, metadata.usage(), clock);
        return new DataPlane(
                repositories,
                new UploadService(blobStore, metadata, repositories, quota, clock),
                new BlobService(blobStore, metadata, repositories),
                new ManifestService(metadata, repositories, quota),
                new ListingService(metadata, repositories));
    }
}
