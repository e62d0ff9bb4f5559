package dev.berth.http.oci;

import static dev.berth.http.oci.TestImages.EMPTY_CONFIG;
import static dev.berth.http.oci.TestImages.EMPTY_CONFIG_DIGEST;
import static dev.berth.http.oci.TestImages.OCI_INDEX;
import static dev.berth.http.oci.TestImages.OCI_MANIFEST;
import static dev.berth.http.oci.TestImages.artifact;
import static dev.berth.http.oci.TestImages.bytes;
import static dev.berth.http.oci.TestImages.randomBytes;
import static dev.berth.http.oci.TestImages.uniqueRepository;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.core.error.ErrorCode;
import dev.berth.core.oci.Digest;
import dev.berth.http.oci.TestImages.Pushed;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReferrersEndpointTest {
    private static final String SIGNATURE = "application/vnd.example.signature.v1+json";
    private static final String SBOM = "application/vnd.example.sbom.v1+json";

    @RegisterExtension
    static final RegistryServer server = RegistryServer.create();

    private final RegistryClient client = server.client();
    private final String repository = uniqueRepository("referrers");
    private Pushed subject;

    @BeforeEach
    void pushSubjectAndEmptyConfig() {
        subject = client.pushImage(repository, "latest");
        assertEquals(
                EMPTY_CONFIG_DIGEST, client.pushBlob(repository, EMPTY_CONFIG).toString());
    }

    @Test
    void theEmptyConfigBlobIsTwoBytesOfEmptyObject() {
        Reply reply = client.getBlob(repository, EMPTY_CONFIG_DIGEST).assertStatus(200);
        assertEquals("{}", reply.text());
        assertEquals("2", reply.header("Content-Length"));
    }

    @Test
    void pushingAManifestWithASubjectAnswersTheOciSubjectHeader() {
        Reply reply = client.putManifest(repository, "sig", OCI_MANIFEST, artifact(SIGNATURE, subject, ""))
                .assertStatus(201);
        assertEquals(subject.digest().toString(), reply.header("OCI-Subject"));
    }

    @Test
    void pushingAManifestWithoutASubjectAnswersNoOciSubjectHeader() {
        Reply reply = client.putManifest(repository, "again", OCI_MANIFEST, subject.content())
                .assertStatus(201);
        assertNull(reply.header("OCI-Subject"));
    }

    @Test
    void aSubjectNeedNotExistWhenItsReferrerIsPushed() {
        Pushed absent = new Pushed(Digest.sha256(randomBytes(8)), OCI_MANIFEST, randomBytes(8));
        byte[] signature = artifact(SIGNATURE, absent, "");
        Reply reply = client.putManifest(repository, Digest.sha256(signature).toString(), OCI_MANIFEST, signature)
                .assertStatus(201);
        assertEquals(absent.digest().toString(), reply.header("OCI-Subject"));
        assertEquals(1, referrers(absent.digest(), "").json().get("manifests").size());
    }

    @Test
    void theReferrersOfAManifestAreAnIndexWithTheirArtifactTypesAndAnnotations() {
        byte[] signature = artifact(SIGNATURE, subject, ",\"annotations\":{\"org.example.signer\":\"alice\"}");
        byte[] sbom = artifact(SBOM, subject, "");
        Digest signatureDigest = pushByDigest(signature);
        Digest sbomDigest = pushByDigest(sbom);
        Reply reply = referrers(subject.digest(), "").assertStatus(200);
        assertEquals(OCI_INDEX, reply.header("Content-Type"));
        assertNull(reply.header("OCI-Filters-Applied"));
        JsonNode index = reply.json();
        assertEquals(2, index.get("schemaVersion").asInt());
        assertEquals(OCI_INDEX, index.get("mediaType").asText());
        assertEquals(2, index.get("manifests").size());
        JsonNode signatureEntry = entry(index, signatureDigest);
        assertEquals(OCI_MANIFEST, signatureEntry.get("mediaType").asText());
        assertEquals(signature.length, signatureEntry.get("size").asLong());
        assertEquals(SIGNATURE, signatureEntry.get("artifactType").asText());
        assertEquals(
                "alice", signatureEntry.at("/annotations/org.example.signer").asText());
        JsonNode sbomEntry = entry(index, sbomDigest);
        assertEquals(SBOM, sbomEntry.get("artifactType").asText());
        assertFalse(sbomEntry.has("annotations"));
    }

    @Test
    void aReferrerWithoutArtifactTypeIsListedUnderItsConfigMediaType() {
        byte[] config = TestImages.uniqueConfig();
        client.pushBlob(repository, config);
        byte[] referrer = bytes("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_MANIFEST + "\",\"config\":"
                + TestImages.descriptor("application/vnd.example.config.v1+json", config)
                + ",\"layers\":[],\"subject\":"
                + TestImages.descriptor(OCI_MANIFEST, subject.digest(), subject.content().length) + "}");
        Digest digest = pushByDigest(referrer);
        assertEquals(
                "application/vnd.example.config.v1+json",
                entry(referrers(subject.digest(), "").json(), digest)
                        .get("artifactType")
                        .asText());
    }

    @Test
    void anIndexCanBeAReferrerToo() {
        byte[] index = bytes("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_INDEX + "\",\"artifactType\":\"" + SBOM
                + "\",\"manifests\":[],\"subject\":"
                + TestImages.descriptor(OCI_MANIFEST, subject.digest(), subject.content().length) + "}");
        Digest digest = client.pushManifest(repository, Digest.sha256(index).toString(), OCI_INDEX, index);
        JsonNode entry = entry(referrers(subject.digest(), "").json(), digest);
        assertEquals(OCI_INDEX, entry.get("mediaType").asText());
        assertEquals(SBOM, entry.get("artifactType").asText());
    }

    @Test
    void theArtifactTypeFilterNarrowsTheListAndSaysSo() {
        Digest signatureDigest = pushByDigest(artifact(SIGNATURE, subject, ""));
        pushByDigest(artifact(SBOM, subject, ""));
        Reply reply = referrers(subject.digest(), "?artifactType=" + encode(SIGNATURE))
                .assertStatus(200);
        assertEquals("artifactType", reply.header("OCI-Filters-Applied"));
        assertEquals(List.of(signatureDigest.toString()), digests(reply.json()));
        Reply none = referrers(subject.digest(), "?artifactType=application/vnd.example.none")
                .assertStatus(200);
        assertEquals("artifactType", none.header("OCI-Filters-Applied"));
        assertEquals(0, none.json().get("manifests").size());
    }

    @Test
    void anEmptyArtifactTypeFilterIsNoFilter() {
        pushByDigest(artifact(SIGNATURE, subject, ""));
        Reply reply = referrers(subject.digest(), "?artifactType=").assertStatus(200);
        assertNull(reply.header("OCI-Filters-Applied"));
        assertEquals(1, reply.json().get("manifests").size());
    }

    @Test
    void anUnknownDigestHasAnEmptyIndexOfReferrers() {
        Reply reply = referrers(Digest.sha256(randomBytes(5)), "").assertStatus(200);
        assertEquals(OCI_INDEX, reply.header("Content-Type"));
        JsonNode index = reply.json();
        assertEquals(2, index.get("schemaVersion").asInt());
        assertTrue(index.get("manifests").isArray());
        assertEquals(0, index.get("manifests").size());
    }

    @Test
    void anUnknownRepositoryHasAnEmptyIndexOfReferrers() {
        Reply reply = client.get("/v2/" + uniqueRepository("nobody") + "/referrers/" + subject.digest())
                .assertStatus(200);
        assertEquals(0, reply.json().get("manifests").size());
    }

    @Test
    void aDeletedReferrerIsNoLongerListed() {
        Digest signature = pushByDigest(artifact(SIGNATURE, subject, ""));
        client.delete("/v2/" + repository + "/manifests/" + signature).assertStatus(202);
        assertEquals(0, referrers(subject.digest(), "").json().get("manifests").size());
    }

    @Test
    void referrersInAnotherRepositoryAreNotListed() {
        String other = uniqueRepository("referrers");
        client.pushBlob(other, EMPTY_CONFIG);
        client.pushManifest(other, "sig", OCI_MANIFEST, artifact(SIGNATURE, subject, ""));
        assertEquals(0, referrers(subject.digest(), "").json().get("manifests").size());
    }

    @Test
    void aMalformedDigestAnswers400DigestInvalid() {
        client.get("/v2/" + repository + "/referrers/sha256:nothex").assertError(400, ErrorCode.DIGEST_INVALID);
        client.get("/v2/" + repository + "/referrers/latest").assertError(400, ErrorCode.DIGEST_INVALID);
    }

    @Test
    void headOfReferrersAnswersWithoutABody() {
        Reply reply = client.head("/v2/" + repository + "/referrers/" + subject.digest())
                .assertStatus(200);
        assertEquals(OCI_INDEX, reply.header("Content-Type"));
        assertEquals(0, reply.body().length);
    }

    @Test
    void otherMethodsOnReferrersAnswer405() {
        client.delete("/v2/" + repository + "/referrers/" + subject.digest())
                .assertError(405, ErrorCode.METHOD_UNKNOWN);
    }

    private Digest pushByDigest(byte[] manifest) {
        return client.pushManifest(repository, Digest.sha256(manifest).toString(), OCI_MANIFEST, manifest);
    }

    private Reply referrers(Digest digest, String query) {
        return client.get("/v2/" + repository + "/referrers/" + digest + query);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static JsonNode entry(JsonNode index, Digest digest) {
        for (JsonNode entry : index.get("manifests")) {
            if (entry.get("digest").asText().equals(digest.toString())) {
                return entry;
            }
        }
        throw new AssertionError("no referrer " + digest + " in " + index);
    }

    private static List<String> digests(JsonNode index) {
        List<String> digests = new ArrayList<>();
        index.get("manifests").forEach(entry -> digests.add(entry.get("digest").asText()));
        return digests;
    }
}
