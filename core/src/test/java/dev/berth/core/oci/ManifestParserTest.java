package dev.berth.core.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestParserTest {
    static final String D1 = "sha256:" + "a".repeat(64);
    static final String D2 = "sha256:" + "b".repeat(64);

    static String image(String extra) {
        return """
                {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
                 "config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"%s","size":7},
                 "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"%s","size":9}]%s}
                """.formatted(D1, D2, extra);
    }

    private static Manifest parse(String json, String contentType) {
        return ManifestParser.parse(json.getBytes(StandardCharsets.UTF_8), contentType);
    }

    private static ErrorCode failure(String json, String contentType) {
        return assertThrows(RegistryException.class, () -> parse(json, contentType))
                .code();
    }

    @Test
    void readsAnImageManifest() {
        Manifest m = parse(image(""), MediaTypes.OCI_MANIFEST);
        assertEquals(MediaTypes.OCI_MANIFEST, m.mediaType());
        assertEquals(D1, m.config().digest().toString());
        assertEquals(1, m.layers().size());
        assertEquals(2, m.requiredBlobs().size());
        assertEquals("application/vnd.oci.image.config.v1+json", m.effectiveArtifactType());
    }

    @Test
    void readsSubjectArtifactTypeAndAnnotations() {
        Manifest m = parse(
                image((",\"artifactType\":\"application/vnd.example.sbom\",\"annotations\":{\"k\":\"v\"},"
                                + "\"subject\":{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"%s\",\"size\":3}")
                        .formatted(D2)),
                null);
        assertEquals(D2, m.subject().digest().toString());
        assertEquals("application/vnd.example.sbom", m.effectiveArtifactType());
        assertEquals("v", m.annotations().get("k"));
    }

    @Test
    void doesNotRequireForeignLayers() {
        Manifest m = parse("""
                {"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json",
                 "config":{"mediaType":"application/vnd.docker.container.image.v1+json","digest":"%s","size":7},
                 "layers":[{"mediaType":"application/vnd.docker.image.rootfs.foreign.diff.tar.gzip","digest":"%s",
                   "size":9,"urls":["https://example.com/layer"]}]}
                """.formatted(D1, D2), MediaTypes.DOCKER_MANIFEST);
        assertEquals(1, m.requiredBlobs().size());
        assertTrue(m.layers().getFirst().isExternal());
    }

    @Test
    void readsAnIndexWithPlatforms() {
        Manifest m = parse("""
                {"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json",
                 "digest":"%s","size":5,"platform":{"architecture":"arm64","os":"linux","variant":"v8"}}]}
                """.formatted(D1), MediaTypes.OCI_INDEX);
        assertTrue(m.isIndex());
        assertEquals("arm64", m.manifests().getFirst().platform().architecture());
        assertNull(m.config());
    }

    @Test
    void infersTheTypeFromTheBodyWhenTheHeaderIsGeneric() {
        assertEquals(
                MediaTypes.OCI_MANIFEST,
                parse(
                                image("").replace("\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",", ""),
                                "application/json")
                        .mediaType());
    }

    @Test
    void refusesAMediaTypeThatContradictsTheContentType() {
        assertEquals(ErrorCode.MANIFEST_INVALID, failure(image(""), MediaTypes.DOCKER_MANIFEST));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "null",
                "[]",
                "42",
                "{",
                "{\"schemaVersion\":2}",
                "{\"schemaVersion\":1,\"fsLayers\":[]}",
                "{\"schemaVersion\":\"2\",\"config\":{}}",
                "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\"}",
                "{\"schemaVersion\":2,\"mediaType\":\"text/plain\",\"config\":{}}",
                "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\"}",
                "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":{}}",
                "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[{}]}",
                "{\"schemaVersion\":2,\"schemaVersion\":2,\"manifests\":[]}"
            })
    void refusesMalformedManifestsAsManifestInvalid(String json) {
        assertEquals(ErrorCode.MANIFEST_INVALID, failure(json, null));
    }

    @Test
    void refusesAnythingAfterTheDocumentButWhitespace() {
        assertEquals(ErrorCode.MANIFEST_INVALID, failure(image("") + "{}", null));
        assertEquals(ErrorCode.MANIFEST_INVALID, failure(image("") + "}", null));
        assertEquals(MediaTypes.OCI_MANIFEST, parse(image("") + " \n\t", null).mediaType());
    }

    @Test
    void refusesBadDescriptors() {
        assertEquals(ErrorCode.MANIFEST_INVALID, failure(image("").replace("\"size\":7", "\"size\":-1"), null));
        assertEquals(ErrorCode.MANIFEST_INVALID, failure(image("").replace("\"size\":7", "\"size\":\"7\""), null));
        assertEquals(ErrorCode.MANIFEST_INVALID, failure(image("").replace(D1, "sha256:xyz"), null));
        assertEquals(ErrorCode.MANIFEST_INVALID, failure(image(",\"annotations\":{\"k\":1}"), null));
    }

    @Test
    void refusesDockerSchema1() {
        assertEquals(ErrorCode.MANIFEST_INVALID, failure("{\"schemaVersion\":1}", MediaTypes.DOCKER_SCHEMA1_SIGNED));
    }

    @Test
    void refusesDeepNesting() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertEquals(ErrorCode.MANIFEST_INVALID, failure(image(",\"annotations\":{\"x\":" + deep + "}"), null));
    }
}
