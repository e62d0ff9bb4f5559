package dev.berth.core.registry;

import dev.berth.core.spi.BlobStore;
import dev.berth.core.spi.MetadataStore;
import java.time.Clock;

/** The domain services of the data plane, wired to one blob store and one metadata store. */
public record DataPlane(
        Repositories repositories,
        UploadService uploads,
        BlobService blobs,
        ManifestService manifests,
        ListingService listings) {

    public static DataPlane create(BlobStore blobStore, MetadataStore metadata, Clock clock) {
        Repositories repositories = new Repositories(metadata.repositories());
        return new DataPlane(
                repositories,
                new UploadService(blobStore, metadata, repositories, clock),
                new BlobService(blobStore, metadata, repositories),
                new ManifestService(metadata, repositories),
                new ListingService(metadata, repositories));
    }
}
