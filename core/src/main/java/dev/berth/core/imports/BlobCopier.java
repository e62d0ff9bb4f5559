package dev.berth.core.imports;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.oci.Descriptor;
import dev.berth.core.oci.Digest;
import dev.berth.core.oci.RepositoryName;
import dev.berth.core.registry.DataPlane;
import dev.berth.core.registry.RepositoryRef;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Puts each blob of an import into every target repository, moving bytes as little as it can: a repository that has
 * the blob is left alone; one that lacks it links it from a repository of this installation known to hold it (a
 * target already served, or a local source); only when none holds it are the bytes read from the source, once, and
 * stored through an ordinary verified upload.
 *
 * <p>A remote source's blob is read even when this installation happens to store the same digest for someone else:
 * knowing a digest is no proof of the right to its content, so the source must show the bytes.
 */
final class BlobCopier {
    private final DataPlane dataPlane;
    private final ImageSource source;
    private final RepositoryName sourceRepository;
    private final List<RepositoryRef> targets;
    private final Set<Digest> done = new HashSet<>();
    int copied;
    int linked;
    int present;
    long bytes;

    BlobCopier(DataPlane dataPlane, ImageSource source, RepositoryName sourceRepository, List<RepositoryRef> targets) {
        this.dataPlane = dataPlane;
        this.source = source;
        this.sourceRepository = sourceRepository;
        this.targets = targets;
    }

    void copy(Descriptor blob) throws IOException {
        if (!done.add(blob.digest())) {
            return;
        }
        List<RepositoryRef> lacking = new ArrayList<>();
        RepositoryRef holder = null;
        for (RepositoryRef target : targets) {
            if (dataPlane.blobs().linkedSize(target, blob.digest()).isEmpty()) {
                lacking.add(target);
            } else if (holder == null) {
                holder = target;
            }
        }
        if (lacking.isEmpty()) {
            present++;
            return;
        }
        Optional<RepositoryRef> local = source.repositoryInInstallation(sourceRepository);
        if (holder == null && local.isEmpty()) {
            holder = lacking.removeFirst();
            fetch(holder, blob);
        } else {
            linked++;
        }
        for (RepositoryRef target : lacking) {
            link(target, holder != null ? holder : local.get(), blob);
        }
    }

    private void link(RepositoryRef target, RepositoryRef from, Descriptor blob) throws IOException {
        if (dataPlane.uploads().mount(target, from, blob.digest()).isEmpty()) {
            throw SourceErrors.unknown(source.describe() + " lacks blob " + blob.digest() + " of " + sourceRepository);
        }
    }

    private void fetch(RepositoryRef target, Descriptor blob) throws IOException {
        ImageSource.SourceBlob found = source.blob(sourceRepository, blob)
                .orElseThrow(() -> SourceErrors.unknown(
                        source.describe() + " lacks blob " + blob.digest() + " of " + sourceRepository));
        try (found) {
            if (found.size() >= 0 && found.size() != blob.size()) {
                throw SourceErrors.invalid(source.describe() + " announces " + found.size() + " bytes for blob "
                        + blob.digest() + ", whose descriptor says " + blob.size());
            }
            bytes += dataPlane
                    .uploads()
                    .uploadWhole(
                            target,
                            blob.digest(),
                            Optional.of(blob.size()),
                            new BoundedInputStream(found.content(), blob.size() + 1));
            copied++;
        } catch (RegistryException e) {
            if (e.code() == ErrorCode.SIZE_INVALID || e.code() == ErrorCode.DIGEST_INVALID) {
                throw SourceErrors.invalid(source.describe() + " served blob " + blob.digest()
                        + " with other content than its descriptor states");
            }
            throw e;
        }
    }
}
