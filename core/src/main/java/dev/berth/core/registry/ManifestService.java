package dev.berth.core.registry;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.events.EventSignal;
import dev.berth.core.events.RequestContext;
import dev.berth.core.json.Json;
import dev.berth.core.oci.Descriptor;
import dev.berth.core.oci.Digest;
import dev.berth.core.oci.Manifest;
import dev.berth.core.oci.ManifestParser;
import dev.berth.core.oci.MediaTypes;
import dev.berth.core.oci.Reference;
import dev.berth.core.quota.StorageQuota;
import dev.berth.core.spi.ManifestStore.ManifestRecord;
import dev.berth.core.spi.ManifestStore.StoredManifest;
import dev.berth.core.spi.MetadataStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pushing, pulling and deleting manifests. A manifest is accepted only when everything it references is already in
 * the repository (blobs linked, child manifests stored), except layers that live elsewhere ({@code urls}), and it is
 * stored byte for byte under the digest of exactly those bytes. A manifest the repository does not have yet counts
 * its size against the registry's storage quota.
 */
public final class ManifestService {
    /** The largest manifest accepted, as the OCI spec suggests and ACR enforces. */
    public static final int MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

    private final MetadataStore metadata;
    private final Repositories repositories;
    private final Locks locks;
    private final PullRecorder pulls;
    private final ImageFactsReader facts;
    private final StorageQuota quota;
    private final EventSignal events;

    ManifestService(
            MetadataStore metadata,
            Repositories repositories,
            Locks locks,
            PullRecorder pulls,
            ImageFactsReader facts,
            StorageQuota quota,
            EventSignal events) {
        this.metadata = metadata;
        this.repositories = repositories;
        this.locks = locks;
        this.pulls = pulls;
        this.facts = facts;
        this.quota = quota;
        this.events = events;
    }

    /** What a push stored: its digest and, if it has one, its subject. */
    public record PushResult(Digest digest, Optional<Digest> subject) {}

    /**
     * Stores a manifest, with its push event made in the {@link RequestContext#current() current request context}.
     */
    public PushResult put(RepositoryRef repo, Reference reference, String contentType, byte[] content)
            throws IOException {
        if (content.length > MAX_MANIFEST_BYTES) {
            throw new RegistryException(
                    ErrorCode.PAYLOAD_TOO_LARGE, "manifest is larger than " + MAX_MANIFEST_BYTES + " bytes");
        }
        Manifest manifest = ManifestParser.parse(content, contentType);
        Digest digest = digestOf(reference, content);
        long repositoryId = repositories.getOrCreate(repo);
        locks.checkPush(repo, repositoryId, reference.asTag());
        requireBlobs(repositoryId, manifest);
        requireChildren(repositoryId, manifest);
        long adds = quota.requireRoom(repo.registry(), content.length, () -> !metadata.manifests()
                .existing(repositoryId, List.of(digest))
                .isEmpty());
        metadata.manifests()
                .put(repositoryId, record(digest, manifest, content), reference.asTag(), RequestContext.current());
        events.committed();
        quota.added(repo.registry(), adds);
        return new PushResult(digest, Optional.ofNullable(manifest.subject()).map(Descriptor::digest));
    }

    /**
     * The manifest a reference names, in a form the client accepts. When a tag names an index the client cannot
     * take, but the client can take the linux/amd64 image it lists, that image is served instead, as Distribution
     * does for old clients. Content asked for by digest is always exactly that content.
     *
     * <p>Locks apply: a manifest, tag or repository with {@code readEnabled} off is refused. Checking is not
     * pulling, so no pull time is recorded; see {@link #pull}.
     *
     * @param accepted the media types the client accepts; empty means anything
     */
    public StoredManifest get(RepositoryRef repo, Reference reference, Set<String> accepted) throws IOException {
        return serve(repo, reference, accepted, false);
    }

    /** {@link #get}, recording the pull time of the manifest served and of the tag it was asked for by. */
    public StoredManifest pull(RepositoryRef repo, Reference reference, Set<String> accepted) throws IOException {
        return serve(repo, reference, accepted, true);
    }

    private StoredManifest serve(RepositoryRef repo, Reference reference, Set<String> accepted, boolean pull)
            throws IOException {
        long repositoryId = repositories.require(repo);
        StoredManifest stored = find(repositoryId, reference).orElseThrow(() -> unknown(reference));
        locks.checkPull(repo, repositoryId, reference.asTag(), stored.digest());
        StoredManifest served = choose(repositoryId, reference, stored, accepted);
        if (!served.digest().equals(stored.digest())) {
            locks.checkPull(repo, repositoryId, Optional.empty(), served.digest());
        }
        if (pull) {
            pulls.record(repositoryId, stored.digest(), reference.asTag());
            if (!served.digest().equals(stored.digest())) {
                pulls.record(repositoryId, served.digest(), Optional.empty());
            }
        }
        return served;
    }

    private StoredManifest choose(long repositoryId, Reference reference, StoredManifest stored, Set<String> accepted)
            throws IOException {
        if (isAcceptable(stored.mediaType(), accepted) || reference instanceof Reference.ByDigest) {
            return stored;
        }
        return defaultPlatformChild(repositoryId, stored, accepted)
                .orElseThrow(() -> new RegistryException(
                        ErrorCode.MANIFEST_UNKNOWN,
                        "manifest is a " + stored.mediaType() + ", which the Accept header does not allow"));
    }

    /**
     * Exactly what a reference names in the repository, with no content negotiation; empty when the repository or
     * the manifest does not exist.
     */
    public Optional<StoredManifest> find(RepositoryRef repo, Reference reference) throws IOException {
        Optional<Long> repositoryId = repositories.find(repo);
        return repositoryId.isEmpty() ? Optional.empty() : find(repositoryId.get(), reference);
    }

    /**
     * Deletes a manifest by digest (with its tags), or only a tag. Refused when the repository, the manifest or any
     * tag that would go is locked ({@code deleteEnabled} or {@code writeEnabled} off). The delete or tag-delete event
     * is made in the {@link RequestContext#current() current request context}.
     */
    public void delete(RepositoryRef repo, Reference reference) throws IOException {
        long repositoryId = repositories.require(repo);
        RequestContext context = RequestContext.current();
        boolean deleted =
                switch (reference) {
                    case Reference.ByDigest d -> {
                        locks.checkManifestDelete(repo, repositoryId, d.digest());
                        yield metadata.manifests().delete(repositoryId, d.digest(), context);
                    }
                    case Reference.ByTag t -> {
                        locks.checkUntag(repo, repositoryId, t.tag());
                        yield metadata.tags().delete(repositoryId, t.tag(), context);
                    }
                };
        if (!deleted) {
            throw unknown(reference);
        }
        events.committed();
    }

    private Optional<StoredManifest> find(long repositoryId, Reference reference) throws IOException {
        return switch (reference) {
            case Reference.ByDigest d -> metadata.manifests().get(repositoryId, d.digest());
            case Reference.ByTag t -> metadata.manifests().getByTag(repositoryId, t.tag());
        };
    }

    private Optional<StoredManifest> defaultPlatformChild(long repositoryId, StoredManifest index, Set<String> accepted)
            throws IOException {
        if (!MediaTypes.isIndex(index.mediaType())) {
            return Optional.empty();
        }
        Manifest parsed = ManifestParser.parse(index.content(), index.mediaType());
        for (Descriptor child : parsed.manifests()) {
            Descriptor.Platform p = child.platform();
            if (p != null
                    && "amd64".equals(p.architecture())
                    && "linux".equals(p.os())
                    && isAcceptable(child.mediaType(), accepted)) {
                return metadata.manifests().get(repositoryId, child.digest());
            }
        }
        return Optional.empty();
    }

    private static boolean isAcceptable(String mediaType, Set<String> accepted) {
        return accepted.isEmpty()
                || accepted.contains(mediaType)
                || accepted.contains("*/*")
                || accepted.contains("application/*");
    }

    private static Digest digestOf(Reference reference, byte[] content) {
        if (reference instanceof Reference.ByDigest(Digest claimed)) {
            Digest actual = Digest.of(claimed.algorithm(), content);
            if (!actual.equals(claimed)) {
                throw new RegistryException(
                        ErrorCode.DIGEST_INVALID, "manifest digest " + actual + " does not match " + claimed);
            }
            return actual;
        }
        return Digest.sha256(content);
    }

    private void requireBlobs(long repositoryId, Manifest manifest) throws IOException {
        List<Descriptor> required = manifest.requiredBlobs();
        if (required.isEmpty()) {
            return;
        }
        Map<Digest, Long> linked = metadata.blobLinks()
                .linkedSizes(
                        repositoryId, required.stream().map(Descriptor::digest).toList());
        for (Descriptor blob : required) {
            Long size = linked.get(blob.digest());
            if (size == null) {
                throw new RegistryException(
                        ErrorCode.MANIFEST_BLOB_UNKNOWN,
                        "blob unknown to registry: " + blob.digest(),
                        Map.of("digest", blob.digest().toString()));
            }
            if (size != blob.size()) {
                throw new RegistryException(
                        ErrorCode.MANIFEST_INVALID,
                        "descriptor of " + blob.digest() + " says " + blob.size() + " bytes, the blob has " + size);
            }
        }
    }

    private void requireChildren(long repositoryId, Manifest manifest) throws IOException {
        if (manifest.manifests().isEmpty()) {
            return;
        }
        Set<Digest> present = metadata.manifests()
                .existing(
                        repositoryId,
                        manifest.manifests().stream().map(Descriptor::digest).toList());
        for (Descriptor child : manifest.manifests()) {
            if (!present.contains(child.digest())) {
                throw new RegistryException(
                        ErrorCode.MANIFEST_BLOB_UNKNOWN,
                        "manifest unknown to registry: " + child.digest(),
                        Map.of("digest", child.digest().toString()));
            }
        }
    }

    private ManifestRecord record(Digest digest, Manifest manifest, byte[] content) {
        List<Digest> references = new ArrayList<>();
        manifest.requiredBlobs().forEach(d -> references.add(d.digest()));
        manifest.manifests().forEach(d -> references.add(d.digest()));
        String annotations = manifest.annotations().isEmpty() ? null : Json.writeString(manifest.annotations());
        return new ManifestRecord(
                digest,
                manifest.mediaType(),
                content,
                manifest.effectiveArtifactType(),
                manifest.subject() == null ? null : manifest.subject().digest(),
                annotations,
                List.copyOf(references),
                facts.of(manifest, content));
    }

    private static RegistryException unknown(Reference reference) {
        return new RegistryException(ErrorCode.MANIFEST_UNKNOWN, "manifest unknown to registry: " + reference);
    }
}
