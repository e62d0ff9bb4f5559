package dev.berth.core.registry;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.oci.Digest;
import dev.berth.core.oci.Tag;
import dev.berth.core.spi.DetailStore.ManifestDetails;
import dev.berth.core.spi.DetailStore.RepositoryDetails;
import dev.berth.core.spi.DetailStore.TagDetails;
import dev.berth.core.spi.MetadataStore;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What ACR's metadata API shows: a repository, its tags and its manifests in detail, with their changeable
 * attributes and last-pulled times (those not yet written included). A repository that holds no manifest does not
 * exist here, as in ACR, even while uploads into it are open.
 */
public final class InventoryService {
    private final MetadataStore metadata;
    private final Repositories repositories;
    private final PullRecorder pulls;

    InventoryService(MetadataStore metadata, Repositories repositories, PullRecorder pulls) {
        this.metadata = metadata;
        this.repositories = repositories;
        this.pulls = pulls;
    }

    public RepositoryDetails repository(RepositoryRef repo) throws IOException {
        Optional<Long> id = repositories.find(repo);
        if (id.isEmpty()) {
            throw nameUnknown(repo);
        }
        return metadata.details().repository(id.get()).orElseThrow(() -> nameUnknown(repo));
    }

    /** A page of the repository's listed tags, optionally only those pointing at one manifest. */
    public Page<TagDetails> tags(RepositoryRef repo, DetailRequest request, Optional<Digest> pointingAt)
            throws IOException {
        long id = existing(repo);
        if (request.page().limit() == 0) {
            return new Page<>(List.of(), false);
        }
        List<TagDetails> found = metadata.details().tags(id, request.query(), pointingAt).stream()
                .map(t -> withPending(id, t))
                .toList();
        return Page.of(found, request.page().limit());
    }

    public TagDetails tag(RepositoryRef repo, Tag tag) throws IOException {
        long id = existing(repo);
        return metadata.details().tag(id, tag).map(t -> withPending(id, t)).orElseThrow(() -> tagUnknown(tag));
    }

    /** A page of the repository's listed manifests. */
    public Page<ManifestDetails> manifests(RepositoryRef repo, DetailRequest request) throws IOException {
        long id = existing(repo);
        if (request.page().limit() == 0) {
            return new Page<>(List.of(), false);
        }
        List<ManifestDetails> found = metadata.details().manifests(id, request.query()).stream()
                .map(m -> withPending(id, m))
                .toList();
        return Page.of(found, request.page().limit());
    }

    public ManifestDetails manifest(RepositoryRef repo, Digest digest) throws IOException {
        long id = existing(repo);
        return metadata.details()
                .manifest(id, digest)
                .map(m -> withPending(id, m))
                .orElseThrow(() -> manifestUnknown(digest));
    }

    /** The id of a repository holding at least one manifest, or {@link ErrorCode#NAME_UNKNOWN}. */
    long existing(RepositoryRef repo) throws IOException {
        long id = repositories.find(repo).orElseThrow(() -> nameUnknown(repo));
        if (metadata.details().repository(id).isEmpty()) {
            throw nameUnknown(repo);
        }
        return id;
    }

    private TagDetails withPending(long repositoryId, TagDetails tag) {
        return tag.withLastPulledAt(PullRecorder.latest(tag.lastPulledAt(), pulls.pending(repositoryId, tag.tag())));
    }

    private ManifestDetails withPending(long repositoryId, ManifestDetails manifest) {
        return manifest.withLastPulledAt(
                PullRecorder.latest(manifest.lastPulledAt(), pulls.pending(repositoryId, manifest.digest())));
    }

    static RegistryException nameUnknown(RepositoryRef repo) {
        return new RegistryException(ErrorCode.NAME_UNKNOWN, "repository name not known to registry: " + repo.name());
    }

    /** An unknown tag, worded as ACR words it. */
    static RegistryException tagUnknown(Tag tag) {
        return new RegistryException(
                ErrorCode.MANIFEST_UNKNOWN,
                "manifest tagged by \"" + tag + "\" is not found",
                Map.of("Tag", tag.value()));
    }

    static RegistryException manifestUnknown(Digest digest) {
        return new RegistryException(ErrorCode.MANIFEST_UNKNOWN, "manifest unknown to registry: " + digest);
    }
}
