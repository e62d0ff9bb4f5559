package dev.berth.core.registry;

import dev.berth.core.oci.Descriptor;
import dev.berth.core.oci.Digest;
import dev.berth.core.oci.RepositoryName;
import dev.berth.core.oci.Tag;
import dev.berth.core.spi.MetadataStore;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The listings of the data plane: the catalog, a repository's tags, and the referrers of a manifest. The catalog and
 * tag lists leave out what {@code listEnabled} hides.
 */
public final class ListingService {
    private final MetadataStore metadata;
    private final Repositories repositories;

    public ListingService(MetadataStore metadata, Repositories repositories) {
        this.metadata = metadata;
        this.repositories = repositories;
    }

    public Page<RepositoryName> catalog(RegistryRecord registry, PageRequest page) throws IOException {
        if (page.limit() == 0) {
            return new Page<>(List.of(), false);
        }
        return Page.of(metadata.repositories().catalog(registry.id(), page.last(), page.limit() + 1), page.limit());
    }

    /** A page of tags, or {@link dev.berth.core.error.ErrorCode#NAME_UNKNOWN} for a repository that does not exist. */
    public Page<Tag> tags(RepositoryRef repo, PageRequest page) throws IOException {
        long repositoryId = repositories.require(repo);
        if (page.limit() == 0) {
            return new Page<>(List.of(), false);
        }
        return Page.of(metadata.tags().listed(repositoryId, page.last(), page.limit() + 1), page.limit());
    }

    /** The referrers of a digest; an unknown repository or digest simply has none. */
    public List<Descriptor> referrers(RepositoryRef repo, Digest subject, Optional<String> artifactType)
            throws IOException {
        Optional<Long> repositoryId = repositories.find(repo);
        if (repositoryId.isEmpty()) {
            return List.of();
        }
        return metadata.manifests().referrers(repositoryId.get(), subject, artifactType);
    }
}
