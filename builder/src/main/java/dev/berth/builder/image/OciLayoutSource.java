package dev.berth.builder.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.core.imports.ImageSource;
import dev.berth.core.json.Json;
import dev.berth.core.oci.Descriptor;
import dev.berth.core.oci.Digest;
import dev.berth.core.oci.Reference;
import dev.berth.core.oci.RepositoryName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * An OCI image layout directory as an image source, whatever repository is asked for: manifests by digest from its
 * blobs, or by tag from the {@code org.opencontainers.image.ref.name} annotations of {@code index.json} (or from
 * extra tags given in code, for the images a build just wrote). Serves what it stored by digest, so nothing is
 * re-verified on the way out.
 */
public final class OciLayoutSource implements ImageSource {
    private static final String REF_NAME = "org.opencontainers.image.ref.name";

    private final BlobDirectory blobs;
    private final Map<String, Digest> tags;

    public OciLayoutSource(BlobDirectory blobs, Map<String, Digest> tags) {
        this.blobs = blobs;
        this.tags = Map.copyOf(tags);
    }

    /** A layout on disk, with the tags of its {@code index.json}. */
    public static OciLayoutSource open(Path layout) throws IOException {
        java.util.HashMap<String, Digest> tags = new java.util.HashMap<>();
        Path index = layout.resolve("index.json");
        if (Files.isRegularFile(index)) {
            for (JsonNode entry : Json.parse(Files.readAllBytes(index)).path("manifests")) {
                String name = entry.path("annotations").path(REF_NAME).asText("");
                if (!name.isEmpty()) {
                    tags.put(name, Digest.parse(entry.path("digest").asText()));
                }
            }
        }
        return new OciLayoutSource(new BlobDirectory(layout), tags);
    }

    @Override
    public Optional<SourceManifest> manifest(RepositoryName repository, Reference reference) throws IOException {
        Optional<Digest> digest =
                switch (reference) {
                    case Reference.ByDigest byDigest -> Optional.of(byDigest.digest());
                    case Reference.ByTag byTag ->
                        Optional.ofNullable(tags.get(byTag.tag().value()));
                };
        if (digest.isEmpty() || !blobs.has(digest.get())) {
            return Optional.empty();
        }
        byte[] content = blobs.read(digest.get());
        String mediaType = Json.parse(content).path("mediaType").asText("application/vnd.oci.image.manifest.v1+json");
        return Optional.of(new SourceManifest(digest.get(), mediaType, content));
    }

    @Override
    public Optional<SourceBlob> blob(RepositoryName repository, Descriptor descriptor) throws IOException {
        if (!blobs.has(descriptor.digest())) {
            return Optional.empty();
        }
        Path file = blobs.path(descriptor.digest());
        return Optional.of(new SourceBlob(Files.size(file), Files.newInputStream(file)));
    }

    @Override
    public String describe() {
        return "OCI layout " + blobs.root();
    }
}
