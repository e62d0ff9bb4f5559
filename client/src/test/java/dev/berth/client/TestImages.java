package dev.berth.client;

import dev.berth.core.json.Json;
import dev.berth.core.oci.Digest;
import dev.berth.core.oci.MediaTypes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Small OCI images and indexes built in memory, with random layers so no two tests share content by accident. */
public final class TestImages {
    private static final Random RANDOM = new Random();

    private TestImages() {}

    /** A blob with its media type. */
    public record Blob(String mediaType, byte[] content) {
        public Digest digest() {
            return Digest.sha256(content);
        }

        Map<String, Object> descriptor() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("mediaType", mediaType);
            d.put("digest", digest().toString());
            d.put("size", content.length);
            return d;
        }
    }

    /** A manifest's bytes under its media type; an image's also carry its blobs, an index's its children. */
    public record Manifest(String mediaType, byte[] content, List<Blob> blobs, List<Manifest> children) {
        public Digest digest() {
            return Digest.sha256(content);
        }

        /** Every blob under this manifest, children's included. */
        public List<Blob> allBlobs() {
            List<Blob> all = new ArrayList<>(blobs);
            children.forEach(child -> all.addAll(child.allBlobs()));
            return all;
        }
    }

    public static Blob randomLayer(int size) {
        byte[] bytes = new byte[size];
        RANDOM.nextBytes(bytes);
        return new Blob("application/vnd.oci.image.layer.v1.tar+gzip", bytes);
    }

    /** An OCI image for one platform, with a config and the given layers (random ones when none). */
    public static Manifest image(String architecture, Blob... layers) {
        Blob config = new Blob(
                "application/vnd.oci.image.config.v1+json",
                ("{\"architecture\":\"" + architecture + "\",\"os\":\"linux\",\"nonce\":" + RANDOM.nextLong() + "}")
                        .getBytes(StandardCharsets.UTF_8));
        List<Blob> layerList = layers.length == 0 ? List.of(randomLayer(2048), randomLayer(1000)) : List.of(layers);
        return image(config, layerList, List.of());
    }

    /** An image whose extra layer descriptors (foreign ones, say) are written as given and not among its blobs. */
    public static Manifest image(Blob config, List<Blob> layers, List<Map<String, Object>> extraLayers) {
        List<Object> descriptors = new ArrayList<>();
        layers.forEach(layer -> descriptors.add(layer.descriptor()));
        descriptors.addAll(extraLayers);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", MediaTypes.OCI_MANIFEST);
        manifest.put("config", config.descriptor());
        manifest.put("layers", descriptors);
        List<Blob> blobs = new ArrayList<>();
        blobs.add(config);
        blobs.addAll(layers);
        return new Manifest(MediaTypes.OCI_MANIFEST, Json.write(manifest), blobs, List.of());
    }

    /** An OCI index of linux images, one per architecture. */
    public static Manifest index(String... architectures) {
        List<Manifest> images = new ArrayList<>();
        for (String architecture : architectures) {
            images.add(image(architecture));
        }
        return index(images);
    }

    public static Manifest index(List<Manifest> children) {
        List<Object> descriptors = new ArrayList<>();
        for (Manifest child : children) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("mediaType", child.mediaType());
            d.put("digest", child.digest().toString());
            d.put("size", child.content().length);
            d.put("platform", Map.of("architecture", architectureOf(child), "os", "linux"));
            descriptors.add(d);
        }
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("schemaVersion", 2);
        index.put("mediaType", MediaTypes.OCI_INDEX);
        index.put("manifests", descriptors);
        return new Manifest(MediaTypes.OCI_INDEX, Json.write(index), List.of(), List.copyOf(children));
    }

    private static String architectureOf(Manifest image) {
        try {
            return Json.parse(image.blobs().getFirst().content())
                    .path("architecture")
                    .asText("amd64");
        } catch (RuntimeException notAConfigOfOurs) {
            return "amd64";
        }
    }
}
