package dev.berth.core.installation;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.oci.RepositoryName;
import dev.berth.core.spi.MetadataStore;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.core.spi.UsageStore.ManifestUsage;
import dev.berth.core.spi.UsageStore.RepositoryUsage;
import java.io.IOException;
import java.util.List;

/**
 * Where a registry's storage goes, which ACR does not tell: the registry's bytes (each blob once), each
 * repository's, and each manifest's of a repository (an index with its children, shared blobs once).
 */
public final class StorageReport {
    private final MetadataStore metadata;

    public StorageReport(MetadataStore metadata) {
        this.metadata = metadata;
    }

    /** A registry's storage, and each repository's. */
    public record RegistryStorage(long bytes, List<RepositoryUsage> repositories) {}

    /** A repository's storage, and each manifest's. */
    public record RepositoryStorage(RepositoryName repository, long bytes, List<ManifestUsage> manifests) {}

    public RegistryStorage of(RegistryRecord registry) throws IOException {
        return new RegistryStorage(
                metadata.usage().registry(registry.id()).totalBytes(),
                metadata.usage().repositories(registry.id()));
    }

    /** One repository's storage; {@code NAME_UNKNOWN} when the registry has no such repository. */
    public RepositoryStorage of(RegistryRecord registry, String repository) throws IOException {
        RepositoryName name;
        try {
            name = new RepositoryName(repository);
        } catch (RegistryException e) {
            throw Problems.invalid("not a repository name: '" + repository + "'");
        }
        long id = metadata.repositories()
                .find(registry.id(), name)
                .orElseThrow(() -> new RegistryException(
                        ErrorCode.NAME_UNKNOWN, "no repository " + repository + " in " + registry.name()));
        return new RepositoryStorage(
                name,
                metadata.usage().repository(id).totalBytes(),
                metadata.usage().manifests(id));
    }
}
