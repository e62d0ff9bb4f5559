package dev.berth.core.imports;

import dev.berth.core.oci.Descriptor;
import dev.berth.core.oci.Reference;
import dev.berth.core.oci.RepositoryName;
import dev.berth.core.registry.DataPlane;
import dev.berth.core.registry.RepositoryRef;
import dev.berth.core.spi.BlobStore.BlobReader;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import java.io.FilterInputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.util.Optional;

/**
 * A registry of this installation as a source, read through the data plane's services like any client would: what
 * its repositories hold by digest is trusted as stored, and its blobs are offered for linking.
 */
final class LocalImageSource implements ImageSource {
    private final DataPlane dataPlane;
    private final RegistryRecord registry;

    LocalImageSource(DataPlane dataPlane, RegistryRecord registry) {
        this.dataPlane = dataPlane;
        this.registry = registry;
    }

    @Override
    public Optional<SourceManifest> manifest(RepositoryName repository, Reference reference) throws IOException {
        return dataPlane
                .manifests()
                .find(ref(repository), reference)
                .map(stored -> new SourceManifest(stored.digest(), stored.mediaType(), stored.content()));
    }

    @Override
    public Optional<SourceBlob> blob(RepositoryName repository, Descriptor descriptor) throws IOException {
        RepositoryRef ref = ref(repository);
        if (dataPlane.blobs().linkedSize(ref, descriptor.digest()).isEmpty()) {
            return Optional.empty();
        }
        BlobReader reader = dataPlane.blobs().open(ref, descriptor.digest());
        return Optional.of(
                new SourceBlob(reader.size(), new FilterInputStream(Channels.newInputStream(reader.channel(0))) {
                    @Override
                    public void close() throws IOException {
                        try (reader) {
                            super.close();
                        }
                    }
                }));
    }

    @Override
    public Optional<RepositoryRef> repositoryInInstallation(RepositoryName repository) {
        return Optional.of(ref(repository));
    }

    @Override
    public String describe() {
        return "registry \"" + registry.name() + "\" of this installation";
    }

    private RepositoryRef ref(RepositoryName repository) {
        return new RepositoryRef(registry, repository);
    }
}
