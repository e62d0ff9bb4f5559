package dev.berth.builder.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.builder.image.BlobDirectory;
import dev.berth.core.json.Json;
import dev.berth.core.oci.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The layer cache: for a step's {@link CacheKey}, the layer it made (or that it made none). Entries are small JSON
 * files beside the blob directory, written by rename so a crash leaves none half-written; an entry whose layer blob
 * has gone is a miss.
 */
public final class BuildCache {
    private final Path root;
    private final BlobDirectory blobs;

    public BuildCache(Path root, BlobDirectory blobs) throws IOException {
        this.root = root;
        this.blobs = blobs;
        Files.createDirectories(root);
    }

    /** What a cached step produced. An empty layer means the step changed no file. */
    public record Entry(Optional<Layer> layer) {}

    /** A layer blob with its diff id. */
    public record Layer(String mediaType, Digest digest, Digest diffId, long size) {}

    public Optional<Entry> find(CacheKey key) throws IOException {
        Path file = file(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode node = Json.parse(Files.readAllBytes(file));
        JsonNode layer = node.path("layer");
        if (layer.isMissingNode() || layer.isNull()) {
            return Optional.of(new Entry(Optional.empty()));
        }
        Layer found = new Layer(
                layer.path("mediaType").asText(),
                Digest.parse(layer.path("digest").asText()),
                Digest.parse(layer.path("diffId").asText()),
                layer.path("size").asLong());
        return blobs.has(found.digest()) ? Optional.of(new Entry(Optional.of(found))) : Optional.empty();
    }

    public void put(CacheKey key, Entry entry) throws IOException {
        ObjectNode node = Json.object();
        entry.layer()
                .ifPresentOrElse(
                        layer -> node.putObject("layer")
                                .put("mediaType", layer.mediaType())
                                .put("digest", layer.digest().toString())
                                .put("diffId", layer.diffId().toString())
                                .put("size", layer.size()),
                        () -> node.putNull("layer"));
        Path temp = Files.createTempFile(root, "entry-", ".part");
        Files.write(temp, Json.write(node));
        Files.move(temp, file(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** A finished image: the same final key gives the same image, so an unchanged rebuild keeps its digest. */
    public record Image(Digest manifest, Digest config) {}

    public Optional<Image> findImage(CacheKey key) throws IOException {
        Path file = root.resolve(key.digest().hex() + ".image.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode node = Json.parse(Files.readAllBytes(file));
        Image image = new Image(
                Digest.parse(node.path("manifest").asText()),
                Digest.parse(node.path("config").asText()));
        return blobs.has(image.manifest()) && blobs.has(image.config()) ? Optional.of(image) : Optional.empty();
    }

    public void putImage(CacheKey key, Image image) throws IOException {
        ObjectNode node = Json.object();
        node.put("manifest", image.manifest().toString());
        node.put("config", image.config().toString());
        Path temp = Files.createTempFile(root, "image-", ".part");
        Files.write(temp, Json.write(node));
        Files.move(
                temp,
                root.resolve(key.digest().hex() + ".image.json"),
                StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    private Path file(CacheKey key) {
        return root.resolve(key.digest().hex() + ".json");
    }
}
