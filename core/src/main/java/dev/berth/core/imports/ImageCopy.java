package dev.berth.core.imports;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.oci.Descriptor;
import dev.berth.core.oci.Digest;
import dev.berth.core.oci.Manifest;
import dev.berth.core.oci.ManifestParser;
import dev.berth.core.oci.MediaTypes;
import dev.berth.core.oci.Reference;
import dev.berth.core.registry.DataPlane;
import dev.berth.core.registry.RepositoryRef;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One import, start to end. The order is what keeps a half-done import invisible: the top manifest is read and the
 * tags checked first, so a refusal writes nothing; then, depth first, every blob before the manifest that needs it
 * and every child before its index, all stored by digest only; the tags come last, when everything they lead to is
 * in.
 */
final class ImageCopy {
    private final DataPlane dataPlane;
    private final ImageSource source;
    private final ImportRequest request;
    private final Targets targets;
    private final List<RepositoryRef> repositories;
    private final BlobCopier blobs;
    /** Every manifest met so far, counted against the limit. */
    private final Set<Digest> seen = new HashSet<>();
    /** The manifests stored in every target repository. */
    private final Set<Digest> stored = new HashSet<>();

    private int referenced;

    ImageCopy(DataPlane dataPlane, ImageSource source, RegistryRecord target, ImportRequest request) {
        this.dataPlane = dataPlane;
        this.source = source;
        this.request = request;
        this.targets = new Targets(dataPlane.manifests(), target, request);
        this.repositories = targets.repositories();
        this.blobs = new BlobCopier(dataPlane, source, request.image().repository(), repositories);
    }

    ImportResult run() throws IOException {
        ImageSource.SourceManifest top = source.manifest(
                        request.image().repository(), request.image().reference())
                .orElseThrow(
                        () -> SourceErrors.unknown("image " + request.image() + " not found in " + source.describe()));
        Manifest parsed = parse(top);
        requireTaggable(top.digest());
        targets.checkTags(top.digest());
        seen.add(top.digest());
        copy(top, parsed);
        targets.checkTags(top.digest());
        targets.tag(top.digest(), parsed.mediaType(), top.content());
        return new ImportResult(
                top.digest(),
                parsed.mediaType(),
                request.targetTags(),
                request.targetRepositories(),
                seen.size(),
                blobs.copied,
                blobs.linked,
                blobs.present,
                referenced,
                blobs.bytes);
    }

    private void copy(ImageSource.SourceManifest manifest, Manifest parsed) throws IOException {
        if (parsed.isIndex()) {
            copyChildren(manifest, parsed.manifests());
        } else {
            copyBlobs(manifest, parsed);
        }
        for (RepositoryRef repository : repositories) {
            dataPlane
                    .manifests()
                    .put(repository, new Reference.ByDigest(manifest.digest()), parsed.mediaType(), manifest.content());
        }
        stored.add(manifest.digest());
    }

    private void copyChildren(ImageSource.SourceManifest index, List<Descriptor> children) throws IOException {
        children.forEach(child -> seen.add(child.digest()));
        if (seen.size() > ImportService.MAX_MANIFESTS) {
            throw new RegistryException(
                    ErrorCode.INVALID_REQUEST,
                    "image " + request.image() + " has more than " + ImportService.MAX_MANIFESTS
                            + " manifests, the most one import copies");
        }
        for (Descriptor child : children) {
            if (!stored.contains(child.digest())) {
                ImageSource.SourceManifest manifest = child(index, child);
                copy(manifest, parse(manifest));
            }
        }
    }

    private ImageSource.SourceManifest child(ImageSource.SourceManifest index, Descriptor child) throws IOException {
        ImageSource.SourceManifest manifest = source.manifest(
                        request.image().repository(), new Reference.ByDigest(child.digest()))
                .orElseThrow(() -> SourceErrors.unknown(source.describe() + " lacks manifest " + child.digest()
                        + ", which index " + index.digest() + " lists"));
        if (manifest.content().length != child.size()) {
            throw SourceErrors.invalid("manifest " + child.digest() + " from " + source.describe() + " has "
                    + manifest.content().length + " bytes; index " + index.digest() + " says " + child.size());
        }
        return manifest;
    }

    private void copyBlobs(ImageSource.SourceManifest manifest, Manifest parsed) throws IOException {
        blobs.copy(parsed.config());
        for (Descriptor layer : parsed.layers()) {
            if (isReferencedOnly(manifest, layer)) {
                referenced++;
            } else {
                blobs.copy(layer);
            }
        }
    }

    /** Foreign and non-distributable layers stay where their URLs point; without URLs they cannot be referenced. */
    private static boolean isReferencedOnly(ImageSource.SourceManifest manifest, Descriptor layer) {
        if (layer.isExternal()) {
            return true;
        }
        if (MediaTypes.isNonDistributable(layer.mediaType())) {
            throw new RegistryException(
                    ErrorCode.MANIFEST_INVALID,
                    "layer " + layer.digest() + " of source manifest " + manifest.digest()
                            + " is non-distributable but names no URLs");
        }
        return false;
    }

    private static Manifest parse(ImageSource.SourceManifest manifest) {
        try {
            return ManifestParser.parse(manifest.content(), manifest.mediaType());
        } catch (RegistryException e) {
            throw new RegistryException(
                    e.code(), "source manifest " + manifest.digest() + " cannot be imported: " + e.getMessage());
        }
    }

    /** A tag always names the sha256 of the bytes it is pushed with, so only such manifests can be tagged. */
    private void requireTaggable(Digest digest) {
        if (!request.targetTags().isEmpty() && digest.algorithm() != Digest.Algorithm.SHA256) {
            throw new RegistryException(
                    ErrorCode.INVALID_REQUEST,
                    "a manifest addressed by " + digest.algorithm().prefix()
                            + " can be imported only into untaggedTargetRepositories");
        }
    }
}
