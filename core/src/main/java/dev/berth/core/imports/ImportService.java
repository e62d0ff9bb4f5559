package dev.berth.core.imports;

import dev.berth.core.registry.DataPlane;
import dev.berth.core.spi.RegistryStore;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import java.io.IOException;
import java.util.Optional;

/**
 * Imports an image or index, with every platform it lists, into a registry of this installation: ARM's {@code
 * importImage}. Content goes in through the data plane's services, so it meets the same rules as a push; tags are
 * written last, so a failed import leaves at most untagged content behind, never a tag on a partial image.
 *
 * <p>Errors: {@link dev.berth.core.error.ErrorCode#TAG_CONFLICT} (NoForce and a tag pointing elsewhere), {@code
 * IMPORT_SOURCE_UNKNOWN} (no such source registry, image, manifest or blob), {@code IMPORT_SOURCE_DENIED} (the
 * source refused the credentials or the access), {@code IMPORT_SOURCE_UNAVAILABLE} (unreachable, timed out, or
 * content not matching its digest), {@code INVALID_REQUEST} (more than {@link #MAX_MANIFESTS} manifests, an
 * unusable address), and the data plane's own ({@code MANIFEST_INVALID} for content Berth does not store). Failures
 * of this installation's storage are {@link IOException}s.
 */
public final class ImportService {
    /** The most manifests one import copies (an index and its children), as ACR allows. */
    public static final int MAX_MANIFESTS = 50;

    private final DataPlane dataPlane;
    private final RegistryStore registries;
    private final RemoteImageSources remote;

    public ImportService(DataPlane dataPlane, RegistryStore registries, RemoteImageSources remote) {
        this.dataPlane = dataPlane;
        this.registries = registries;
        this.remote = remote;
    }

    /** Imports into the target registry; returns what was written once every tag is in place. */
    public ImportResult importImage(RegistryRecord target, ImportRequest request) throws IOException {
        try (ImageSource source = open(request.source())) {
            return new ImageCopy(dataPlane, source, target, request).run();
        } catch (IOException e) {
            Optional<ImageSourceException> failure = SourceErrors.cause(e);
            if (failure.isPresent()) {
                throw SourceErrors.of(failure.get());
            }
            throw e;
        }
    }

    /**
     * A registry of this installation as an image source, read through the data plane (a build's base images in its
     * own registry). Whether the caller may read it is the caller's business.
     */
    public ImageSource localSource(RegistryRecord registry) {
        return new LocalImageSource(dataPlane, registry);
    }

    private ImageSource open(ImportSource source) throws IOException {
        return switch (source) {
            case ImportSource.Local local -> new LocalImageSource(dataPlane, localRegistry(local));
            case ImportSource.Remote r -> remote.open(r);
            case ImportSource.Prepared prepared -> prepared.source();
        };
    }

    private RegistryRecord localRegistry(ImportSource.Local local) throws IOException {
        return registries
                .find(local.registryName())
                .orElseThrow(() -> SourceErrors.unknown(
                        "there is no registry \"" + local.registryName() + "\" in this installation"));
    }
}
