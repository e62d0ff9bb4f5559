package dev.berth.core.imports;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.oci.Digest;
import dev.berth.core.oci.Reference;
import dev.berth.core.oci.RepositoryName;
import dev.berth.core.registry.ManifestService;
import dev.berth.core.registry.RepositoryRef;
import dev.berth.core.spi.ManifestStore.StoredManifest;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The repositories and tags an import writes to in the target registry, and the NoForce rule about its tags. */
final class Targets {
    private final ManifestService manifests;
    private final RegistryRecord registry;
    private final ImportRequest request;

    Targets(ManifestService manifests, RegistryRecord registry, ImportRequest request) {
        this.manifests = manifests;
        this.registry = registry;
        this.request = request;
    }

    List<RepositoryRef> repositories() {
        return request.targetRepositories().stream().map(this::ref).toList();
    }

    /**
     * Under {@link ImportMode#NO_FORCE}, fails with {@link ErrorCode#TAG_CONFLICT} when a target tag points at other
     * content than {@code digest}; a tag already on it is fine.
     */
    void checkTags(Digest digest) throws IOException {
        if (request.mode() == ImportMode.FORCE) {
            return;
        }
        for (TargetTag target : request.targetTags()) {
            Optional<StoredManifest> current =
                    manifests.find(ref(target.repository()), new Reference.ByTag(target.tag()));
            if (current.isPresent() && !current.get().digest().equals(digest)) {
                throw new RegistryException(
                        ErrorCode.TAG_CONFLICT,
                        "tag " + target + " exists in registry \"" + registry.name() + "\" and points at "
                                + current.get().digest() + "; import with mode Force to move it",
                        Map.of(
                                "tag",
                                target.toString(),
                                "digest",
                                current.get().digest().toString()));
            }
        }
    }

    /** Points every target tag at the manifest, which every target repository holds by now. */
    void tag(Digest digest, String mediaType, byte[] content) throws IOException {
        for (TargetTag target : request.targetTags()) {
            ManifestService.PushResult pushed =
                    manifests.put(ref(target.repository()), new Reference.ByTag(target.tag()), mediaType, content);
            if (!pushed.digest().equals(digest)) {
                throw new IllegalStateException("tagged " + pushed.digest() + " instead of " + digest);
            }
        }
    }

    private RepositoryRef ref(RepositoryName name) {
        return new RepositoryRef(registry, name);
    }
}
