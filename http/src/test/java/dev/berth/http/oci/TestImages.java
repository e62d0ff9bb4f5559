package dev.berth.http.oci;

import dev.berth.core.oci.Digest;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;

/** Content for the tests: blobs, descriptors and manifests of each kind, as the bytes a client would send. */
final class TestImages {
    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    static final String DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";
    static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
    static final String DOCKER_LAYER = "application/vnd.docker.image.rootfs.diff.tar.gzip";
    static final String DOCKER_FOREIGN_LAYER = "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip";
    static final String OCI_EMPTY = "application/vnd.oci.empty.v1+json";
    static final byte[] EMPTY_CONFIG = bytes("{}");
    static final String EMPTY_CONFIG_DIGEST = "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";

    private static final Random RANDOM = new Random(20240601);

    /** A manifest as pushed: its digest, media type and exact bytes. */
    record Pushed(Digest digest, String mediaType, byte[] content) {}

    private TestImages() {}

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static synchronized byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** A config blob no other test has, so digests never collide between tests. */
    static byte[] uniqueConfig() {
        return bytes("{\"architecture\":\"amd64\",\"os\":\"linux\",\"id\":\"" + UUID.randomUUID() + "\"}");
    }

    /** A repository name no other test uses. */
    static String uniqueRepository(String prefix) {
        return prefix + "/" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    static String descriptor(String mediaType, byte[] content) {
        return descriptor(mediaType, Digest.sha256(content), content.length);
    }

    static String descriptor(String mediaType, Object digest, long size) {
        return "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + digest + "\",\"size\":" + size + "}";
    }

    /** An index entry for linux on the given architecture. */
    static String platformDescriptor(String mediaType, Pushed manifest, String architecture) {
        return "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + manifest.digest() + "\",\"size\":"
                + manifest.content().length + ",\"platform\":{\"architecture\":\"" + architecture
                + "\",\"os\":\"linux\"}}";
    }

    static byte[] ociManifest(String config, String... layers) {
        return bytes("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_MANIFEST + "\",\"config\":" + config
                + ",\"layers\":[" + String.join(",", layers) + "]}");
    }

    static byte[] dockerManifest(String config, String... layers) {
        return bytes("{\"schemaVersion\":2,\"mediaType\":\"" + DOCKER_MANIFEST + "\",\"config\":" + config
                + ",\"layers\":[" + String.join(",", layers) + "]}");
    }

    static byte[] index(String mediaType, String... manifests) {
        return bytes("{\"schemaVersion\":2,\"mediaType\":\"" + mediaType + "\",\"manifests\":["
                + String.join(",", manifests) + "]}");
    }

    /**
     * An artifact manifest with the empty config, about a subject.
     *
     * @param extra more top-level members, such as annotations, or ""
     */
    static byte[] artifact(String artifactType, Pushed subject, String extra) {
        return bytes("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_MANIFEST + "\",\"artifactType\":\"" + artifactType
                + "\",\"config\":" + descriptor(OCI_EMPTY, EMPTY_CONFIG_DIGEST, 2)
                + ",\"layers\":[" + descriptor(OCI_EMPTY, EMPTY_CONFIG_DIGEST, 2) + "]"
                + ",\"subject\":" + descriptor(subject.mediaType(), subject.digest(), subject.content().length)
                + extra + "}");
    }
}
