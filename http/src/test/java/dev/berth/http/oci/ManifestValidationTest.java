package dev.berth.http.oci;

import static dev.berth.http.oci.TestImages.DOCKER_FOREIGN_LAYER;
import static dev.berth.http.oci.TestImages.DOCKER_MANIFEST;
import static dev.berth.http.oci.TestImages.DOCKER_MANIFEST_LIST;
import static dev.berth.http.oci.TestImages.OCI_CONFIG;
import static dev.berth.http.oci.TestImages.OCI_INDEX;
import static dev.berth.http.oci.TestImages.OCI_LAYER;
import static dev.berth.http.oci.TestImages.OCI_MANIFEST;
import static dev.berth.http.oci.TestImages.bytes;
import static dev.berth.http.oci.TestImages.descriptor;
import static dev.berth.http.oci.TestImages.platformDescriptor;
import static dev.berth.http.oci.TestImages.randomBytes;
import static dev.berth.http.oci.TestImages.uniqueRepository;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.oci.Digest;
import dev.berth.http.oci.TestImages.Pushed;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a manifest push must hold: valid JSON of a known kind, and everything it names already pushed. */
class ManifestValidationTest {
    private static final int MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

    @RegisterExtension
    static final RegistryServer server = RegistryServer.create();

    private final RegistryClient client = server.client();
    private final String repository = uniqueRepository("validation");
    private final byte[] config = TestImages.uniqueConfig();
    private final byte[] layer = randomBytes(64);
    private String configDescriptor;
    private String layerDescriptor;

    @BeforeEach
    void pushBlobs() {
        client.pushBlob(repository, config);
        client.pushBlob(repository, layer);
        configDescriptor = descriptor(OCI_CONFIG, config);
        layerDescriptor = descriptor(OCI_LAYER, layer);
    }

    @Test
    void aManifestNamingAMissingLayerAnswers400ManifestBlobUnknown() {
        Digest missing = Digest.sha256(randomBytes(10));
        Reply reply = client.putManifest(
                        repository,
                        "latest",
                        OCI_MANIFEST,
                        TestImages.ociManifest(configDescriptor, layerDescriptor, descriptor(OCI_LAYER, missing, 10)))
                .assertError(400, ErrorCode.MANIFEST_BLOB_UNKNOWN);
        assertEquals(
                missing.toString(), reply.json().at("/errors/0/detail/digest").asText());
        client.getManifest(repository, "latest").assertError(404, ErrorCode.MANIFEST_UNKNOWN);
    }

    @Test
    void aManifestNamingAMissingConfigAnswers400ManifestBlobUnknown() {
        client.putManifest(
                        repository,
                        "latest",
                        OCI_MANIFEST,
                        TestImages.ociManifest(descriptor(OCI_CONFIG, TestImages.uniqueConfig()), layerDescriptor))
                .assertError(400, ErrorCode.MANIFEST_BLOB_UNKNOWN);
    }

    @Test
    void aBlobDeletedFromTheRepositoryDoesNotCount() {
        client.delete("/v2/" + repository + "/blobs/" + Digest.sha256(layer)).assertStatus(202);
        client.putManifest(
                        repository, "latest", OCI_MANIFEST, TestImages.ociManifest(configDescriptor, layerDescriptor))
                .assertError(400, ErrorCode.MANIFEST_BLOB_UNKNOWN);
    }

    @Test
    void aBlobPushedOnlyToAnotherRepositoryDoesNotCount() {
        String other = uniqueRepository("validation");
        byte[] foreign = randomBytes(32);
        client.pushBlob(other, foreign);
        client.putManifest(
                        repository,
                        "latest",
                        OCI_MANIFEST,
                        TestImages.ociManifest(configDescriptor, descriptor(OCI_LAYER, foreign)))
                .assertError(400, ErrorCode.MANIFEST_BLOB_UNKNOWN);
    }

    @Test
    void anIndexNamingAMissingManifestAnswers400ManifestBlobUnknown() {
        Pushed present = client.pushImage(repository, "present");
        Pushed absent = new Pushed(Digest.sha256(randomBytes(20)), OCI_MANIFEST, randomBytes(20));
        for (String type : new String[] {OCI_INDEX, DOCKER_MANIFEST_LIST}) {
            client.putManifest(
                            repository,
                            "multi",
                            type,
                            TestImages.index(
                                    type,
                                    platformDescriptor(OCI_MANIFEST, present, "amd64"),
                                    platformDescriptor(OCI_MANIFEST, absent, "arm64")))
                    .assertError(400, ErrorCode.MANIFEST_BLOB_UNKNOWN);
        }
    }

    @Test
    void aForeignLayerWithUrlsIsAcceptedWithoutItsBlob() {
        byte[] dockerConfig = TestImages.uniqueConfig();
        client.pushBlob(repository, dockerConfig);
        String foreign = "{\"mediaType\":\"" + DOCKER_FOREIGN_LAYER + "\",\"size\":1234,\"digest\":\""
                + Digest.sha256(randomBytes(1234)) + "\",\"urls\":[\"https://example.com/layer.tar.gz\"]}";
        byte[] manifest = TestImages.dockerManifest(descriptor(TestImages.DOCKER_CONFIG, dockerConfig), foreign);
        client.pushManifest(repository, "windows", DOCKER_MANIFEST, manifest);
        assertArrayEquals(manifest, client.getManifest(repository, "windows").body());
    }

    @Test
    void aDescriptorWhoseSizeDisagreesWithTheBlobAnswers400ManifestInvalid() {
        client.putManifest(
                        repository,
                        "latest",
                        OCI_MANIFEST,
                        TestImages.ociManifest(
                                configDescriptor, descriptor(OCI_LAYER, Digest.sha256(layer), layer.length + 1)))
                .assertError(400, ErrorCode.MANIFEST_INVALID);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not json",
                "{",
                "[]",
                "\"a string\"",
                "42",
                "null",
                "{\"schemaVersion\":2,\"mediaType\":\"MT\",\"config\":CONFIG,\"layers\":[LAYER],}",
                "{\"schemaVersion\":2,\"schemaVersion\":2,\"mediaType\":\"MT\",\"config\":CONFIG,\"layers\":[LAYER]}",
            })
    void malformedJsonAnswers400ManifestInvalid(String body) {
        assertInvalid(body);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"schemaVersion\":1,\"mediaType\":\"MT\",\"config\":CONFIG,\"layers\":[LAYER]}",
                "{\"schemaVersion\":3,\"mediaType\":\"MT\",\"config\":CONFIG,\"layers\":[LAYER]}",
                "{\"schemaVersion\":\"2\",\"mediaType\":\"MT\",\"config\":CONFIG,\"layers\":[LAYER]}",
                "{\"schemaVersion\":2.0,\"mediaType\":\"MT\",\"config\":CONFIG,\"layers\":[LAYER]}",
                "{\"mediaType\":\"MT\",\"config\":CONFIG,\"layers\":[LAYER]}",
            })
    void aWrongSchemaVersionAnswers400ManifestInvalid(String body) {
        assertInvalid(body);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"schemaVersion\":2,\"mediaType\":\"MT\",\"layers\":[LAYER]}",
                "{\"schemaVersion\":2,\"mediaType\":\"MT\",\"config\":null,\"layers\":[LAYER]}",
                "{\"schemaVersion\":2,\"mediaType\":\"MT\",\"config\":\"CFG\",\"layers\":[LAYER]}",
            })
    void aManifestWithoutAConfigAnswers400ManifestInvalid(String body) {
        assertInvalid(body);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"mediaType\":\"L\",\"size\":64}",
                "{\"mediaType\":\"L\",\"digest\":\"sha256:nothex\",\"size\":64}",
                "{\"mediaType\":\"L\",\"digest\":\"md5:d41d8cd98f00b204e9800998ecf8427e\",\"size\":64}",
                "{\"mediaType\":\"L\",\"digest\":\"DIGEST\"}",
                "{\"mediaType\":\"L\",\"digest\":\"DIGEST\",\"size\":-1}",
                "{\"mediaType\":\"L\",\"digest\":\"DIGEST\",\"size\":\"64\"}",
                "{\"mediaType\":\"L\",\"digest\":\"DIGEST\",\"size\":64.5}",
                "{\"mediaType\":\"L\",\"digest\":\"DIGEST\",\"size\":99999999999999999999999}",
                "{\"digest\":\"DIGEST\",\"size\":64}",
                "{\"mediaType\":\"\",\"digest\":\"DIGEST\",\"size\":64}",
                "{\"mediaType\":7,\"digest\":\"DIGEST\",\"size\":64}",
                "{\"mediaType\":\"L\",\"digest\":\"DIGEST\",\"size\":64,\"urls\":\"https://x\"}",
                "{\"mediaType\":\"L\",\"digest\":\"DIGEST\",\"size\":64,\"annotations\":{\"k\":1}}",
                "\"DIGEST\"",
                "[]",
            })
    void aBadLayerDescriptorAnswers400ManifestInvalid(String layerJson) {
        String layerDescriptorJson =
                layerJson.replace("DIGEST", Digest.sha256(layer).toString()).replace("\"L\"", "\"" + OCI_LAYER + "\"");
        assertInvalid("{\"schemaVersion\":2,\"mediaType\":\"MT\",\"config\":CONFIG,\"layers\":[" + layerDescriptorJson
                + "]}");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"schemaVersion\":2,\"mediaType\":\"MT\",\"config\":CONFIG,\"layers\":LAYER}",
                "{\"schemaVersion\":2,\"mediaType\":\"MT\",\"config\":CONFIG,\"layers\":[LAYER],\"subject\":\"x\"}",
                "{\"schemaVersion\":2,\"mediaType\":\"MT\",\"config\":CONFIG,\"layers\":[LAYER],\"annotations\":[]}",
                "{\"schemaVersion\":2,\"mediaType\":\"MT\",\"config\":CONFIG,\"layers\":[LAYER],\"artifactType\":5}",
            })
    void otherStructuralMistakesAnswer400ManifestInvalid(String body) {
        assertInvalid(body);
    }

    @Test
    void anIndexWithoutManifestsOrWithBadEntriesAnswers400ManifestInvalid() {
        Pushed image = client.pushImage(repository, "image");
        for (String body : new String[] {
            "{\"schemaVersion\":2,\"mediaType\":\"" + OCI_INDEX + "\"}",
            "{\"schemaVersion\":2,\"mediaType\":\"" + OCI_INDEX + "\",\"manifests\":{}}",
            "{\"schemaVersion\":2,\"mediaType\":\"" + OCI_INDEX + "\",\"manifests\":["
                    + descriptor(OCI_MANIFEST, image.digest(), image.content().length)
                            .replace("}", ",\"platform\":{}}")
                    + "]}",
        }) {
            client.putManifest(repository, "multi", OCI_INDEX, bytes(body))
                    .assertError(400, ErrorCode.MANIFEST_INVALID);
        }
    }

    @Test
    void aMediaTypeThatDisagreesWithTheContentTypeAnswers400ManifestInvalid() {
        byte[] manifest = TestImages.ociManifest(configDescriptor, layerDescriptor);
        client.putManifest(repository, "latest", DOCKER_MANIFEST, manifest)
                .assertError(400, ErrorCode.MANIFEST_INVALID);
        client.putManifest(repository, "latest", OCI_INDEX, manifest).assertError(400, ErrorCode.MANIFEST_INVALID);
    }

    @Test
    void anUnknownManifestMediaTypeAnswers400ManifestInvalid() {
        byte[] manifest = bytes(new String(TestImages.ociManifest(configDescriptor, layerDescriptor))
                .replace(OCI_MANIFEST, "application/vnd.example.manifest+json"));
        client.putManifest(repository, "latest", "application/vnd.example.manifest+json", manifest)
                .assertError(400, ErrorCode.MANIFEST_INVALID);
    }

    @Test
    void aManifestOfUnknownKindWithoutAnyTypeAnswers400ManifestInvalid() {
        client.put("/v2/" + repository + "/manifests/latest", bytes("{\"schemaVersion\":2}"))
                .assertError(400, ErrorCode.MANIFEST_INVALID);
        client.put(
                        "/v2/" + repository + "/manifests/latest",
                        bytes("{\"schemaVersion\":2}"),
                        "Content-Type",
                        "application/json")
                .assertError(400, ErrorCode.MANIFEST_INVALID);
    }

    @Test
    void aDockerSchema1ManifestAnswers400ManifestInvalid() {
        byte[] schema1 = bytes("{\"schemaVersion\":1,\"name\":\"x\",\"tag\":\"latest\",\"fsLayers\":[]}");
        client.putManifest(repository, "old", "application/vnd.docker.distribution.manifest.v1+prettyjws", schema1)
                .assertError(400, ErrorCode.MANIFEST_INVALID);
        client.putManifest(repository, "old", "application/json", schema1).assertError(400, ErrorCode.MANIFEST_INVALID);
    }

    @Test
    void aManifestOfExactlyTheLimitIsAccepted() {
        byte[] manifest = padded(MAX_MANIFEST_BYTES);
        assertEquals(MAX_MANIFEST_BYTES, manifest.length);
        client.pushManifest(repository, "big", OCI_MANIFEST, manifest);
        assertArrayEquals(manifest, client.getManifest(repository, "big").body());
    }

    @Test
    void aManifestOverTheLimitAnswers413() {
        client.putManifest(repository, "huge", OCI_MANIFEST, padded(MAX_MANIFEST_BYTES + 1))
                .assertError(413, ErrorCode.PAYLOAD_TOO_LARGE);
        client.putManifest(repository, "huge", OCI_MANIFEST, padded(MAX_MANIFEST_BYTES + 1024 * 1024))
                .assertError(413, ErrorCode.PAYLOAD_TOO_LARGE);
        client.getManifest(repository, "huge").assertError(404, ErrorCode.MANIFEST_UNKNOWN);
    }

    private byte[] padded(int size) {
        String head = "{\"schemaVersion\":2,\"mediaType\":\"" + OCI_MANIFEST + "\",\"config\":" + configDescriptor
                + ",\"layers\":[" + layerDescriptor + "],\"annotations\":{\"pad\":\"";
        String tail = "\"}}";
        char[] pad = new char[size - head.length() - tail.length()];
        Arrays.fill(pad, 'x');
        return bytes(head + new String(pad) + tail);
    }

    private void assertInvalid(String template) {
        byte[] body = bytes(template.replace("MT", OCI_MANIFEST)
                .replace("CONFIG", configDescriptor)
                .replace("LAYER", layerDescriptor));
        client.putManifest(repository, "latest", OCI_MANIFEST, body).assertError(400, ErrorCode.MANIFEST_INVALID);
    }
}
