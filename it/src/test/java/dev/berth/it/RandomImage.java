package dev.berth.it;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * A small image nobody pushed before: a config blob with a random nonce, one or two layers of random bytes (or of a
 * pool of layers shared between pushes, so equal blobs race into the registry), and its OCI manifest.
 */
record RandomImage(byte[] config, List<byte[]> layers, byte[] manifest) {
    static final String MANIFEST_TYPE = "application/vnd.oci.image.manifest.v1+json";
    private static final String CONFIG_TYPE = "application/vnd.oci.image.config.v1+json";
    private static final String LAYER_TYPE = "application/vnd.oci.image.layer.v1.tar";

    static RandomImage create(Random random, List<byte[]> sharedLayers) {
        List<byte[]> layers = new ArrayList<>();
        int count = 1 + random.nextInt(2);
        while (layers.size() < count) {
            byte[] layer = !sharedLayers.isEmpty() && random.nextInt(10) < 3
                    ? sharedLayers.get(random.nextInt(sharedLayers.size()))
                    : randomBytes(random, 64 + random.nextInt(16 * 1024));
            if (!layers.contains(layer)) {
                layers.add(layer);
            }
        }
        byte[] config = config(random.nextLong(), layers);
        return new RandomImage(config, List.copyOf(layers), manifest(config, layers));
    }

    static byte[] randomBytes(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    String digest() {
        return Digests.sha256(manifest);
    }

    /** The config and then the layers, as the manifest lists them. */
    List<Descriptor> blobs() {
        return Descriptor.referencedBy(manifest);
    }

    private static byte[] config(long nonce, List<byte[]> layers) {
        String diffIds =
                layers.stream().map(layer -> '"' + Digests.sha256(layer) + '"').collect(Collectors.joining(","));
        return ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Labels\":{\"nonce\":\"" + nonce
                        + "\"}},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[" + diffIds + "]}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] manifest(byte[] config, List<byte[]> layers) {
        String layerDescriptors =
                layers.stream().map(layer -> descriptor(LAYER_TYPE, layer)).collect(Collectors.joining(","));
        return ("{\"schemaVersion\":2,\"mediaType\":\"" + MANIFEST_TYPE + "\",\"config\":"
                        + descriptor(CONFIG_TYPE, config) + ",\"layers\":[" + layerDescriptors + "]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String descriptor(String mediaType, byte[] content) {
        return "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + Digests.sha256(content) + "\",\"size\":"
                + content.length + "}";
    }
}
