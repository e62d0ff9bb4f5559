package dev.berth.client.imports;

import dev.berth.client.BlobStream;
import dev.berth.client.FetchedManifest;
import dev.berth.client.RegistryAddress;
import dev.berth.client.RegistryClient;
import dev.berth.client.RegistryClientException;
import dev.berth.core.imports.ImageSource;
import dev.berth.core.oci.Descriptor;
import dev.berth.core.oci.Reference;
import dev.berth.core.oci.RepositoryName;
import java.io.IOException;
import java.util.Optional;

/** A registry reached over HTTP as an import's source; everything it serves is verified by the client. */
final class HttpImageSource implements ImageSource {
    private final RegistryClient client;
    private final RegistryAddress address;

    HttpImageSource(RegistryClient client, RegistryAddress address) {
        this.client = client;
        this.address = address;
    }

    @Override
    public Optional<SourceManifest> manifest(RepositoryName repository, Reference reference) throws IOException {
        try {
            FetchedManifest manifest = client.manifest(repository, reference);
            return Optional.of(new SourceManifest(manifest.digest(), manifest.mediaType(), manifest.content()));
        } catch (RegistryClientException e) {
            return notFound(e);
        }
    }

    @Override
    public Optional<SourceBlob> blob(RepositoryName repository, Descriptor descriptor) throws IOException {
        try {
            BlobStream blob = client.blob(repository, descriptor.digest());
            return Optional.of(new SourceBlob(blob.size(), new TranslatingStream(blob)));
        } catch (RegistryClientException e) {
            return notFound(e);
        }
    }

    private static <T> Optional<T> notFound(RegistryClientException e) throws IOException {
        if (e.kind() == RegistryClientException.Kind.NOT_FOUND) {
            return Optional.empty();
        }
        throw SourceFailures.of(e);
    }

    @Override
    public String describe() {
        return "registry \"" + address.authority() + "\"";
    }

    @Override
    public void close() {
        client.close();
    }
}
