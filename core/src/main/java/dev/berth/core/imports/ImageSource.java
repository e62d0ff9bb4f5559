package dev.berth.core.imports;

import dev.berth.core.oci.Descriptor;
import dev.berth.core.oci.Digest;
import dev.berth.core.oci.Reference;
import dev.berth.core.oci.RepositoryName;
import dev.berth.core.registry.RepositoryRef;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Where an import reads manifests and blobs from. Answers are empty when the source does not hold what is asked;
 * refusals, failures and invalid content are {@link ImageSourceException}s, also from the reads of a blob's stream.
 * An implementation verifies what it serves against its digest, or serves only content it stored by digest.
 */
public interface ImageSource extends Closeable {
    /** A manifest or index by tag or digest. */
    Optional<SourceManifest> manifest(RepositoryName repository, Reference reference) throws IOException;

    /** A blob's bytes; the caller closes the stream. */
    Optional<SourceBlob> blob(RepositoryName repository, Descriptor descriptor) throws IOException;

    /**
     * The repository of this installation that holds the source's blobs, when the source is local: blobs are then
     * linked from it rather than read and stored again.
     */
    default Optional<RepositoryRef> repositoryInInstallation(RepositoryName repository) {
        return Optional.empty();
    }

    /** How messages name the source, such as {@code registry "docker.io"}. */
    String describe();

    @Override
    default void close() throws IOException {}

    /** A manifest's exact bytes, its digest and media type. */
    record SourceManifest(Digest digest, String mediaType, byte[] content) {}

    /**
     * A blob's bytes.
     *
     * @param size the length the source announced, or -1
     */
    record SourceBlob(long size, InputStream content) implements Closeable {
        @Override
        public void close() throws IOException {
            content.close();
        }
    }
}
