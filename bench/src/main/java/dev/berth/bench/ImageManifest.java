package dev.berth.bench;

import java.nio.charset.StandardCharsets;

/**
 * An OCI image manifest with one config and one layer, told apart from its siblings by an annotation, so a few
 * shared blobs back any number of distinct manifests.
 *
 * @param bytes the exact bytes pushed
 * @param digest their digest
 */
record ImageManifest(byte[] bytes, String digest) {
    static final String MEDIA_TYPE = "application/vnd.oci.image.manifest.v1+json";
    static final String CONFIG_TYPE = "application/vnd.oci.image.config.v1+json";
    static final String LAYER_TYPE = "application/vnd.oci.image.layer.v1.tar";

    /** A blob the manifest points at. */
    record Blob(byte[] content, String digest) {
        static Blob of(byte[] content) {
            return new Blob(content, Sha256.of(content));
        }
    }

    static ImageManifest of(Blob config, Blob layer, String distinguisher) {
        String json = """
                {"schemaVersion":2,"mediaType":"%s",\
                "config":{"mediaType":"%s","digest":"%s","size":%d},\
                "layers":[{"mediaType":"%s","digest":"%s","size":%d}],\
                "annotations":{"dev.berth.bench.index":"%s"}}""".formatted(
                        MEDIA_TYPE,
                        CONFIG_TYPE,
                        config.digest(),
                        config.content().length,
                        LAYER_TYPE,
                        layer.digest(),
                        layer.content().length,
                        distinguisher);
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return new ImageManifest(bytes, Sha256.of(bytes));
    }
}
