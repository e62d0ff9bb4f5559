package dev.berth.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.oci.Digest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each role against each data-plane operation, with Basic credentials: allowed, or 403 DENIED. */
class AccessMatrixTest {
    static final byte[] CONFIG = "{}".getBytes(StandardCharsets.UTF_8);
    static final Digest CONFIG_DIGEST = Digest.sha256(CONFIG);

    private static SecuredRegistry registry;

    @BeforeAll
    static void start() throws Exception {
        registry = new SecuredRegistry();
        for (String repository : new String[] {"app", "team/app"}) {
            pushImage(repository, "v1", SecuredRegistry.basic("admin"));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        registry.close();
    }

    static String manifest() {
        return "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":"
                + "{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + CONFIG_DIGEST
                + "\",\"size\":2},\"layers\":[]}";
    }

    static HttpResponse<String> pushImage(String repository, String tag, String authorization) {
        HttpResponse<String> blob = registry.send(
                "POST", "/v2/" + repository + "/blobs/uploads/?digest=" + CONFIG_DIGEST, authorization, CONFIG);
        if (blob.statusCode() != 201) {
            return blob;
        }
        return registry.send(
                "PUT",
                "/v2/" + repository + "/manifests/" + tag,
                authorization,
                manifest().getBytes(StandardCharsets.UTF_8),
                "Content-Type",
                "application/vnd.oci.image.manifest.v1+json");
    }

    static Stream<Arguments> matrix() {
        // user, repository, may pull, may push, may delete
        return Stream.of(
                Arguments.of("admin", "app", true, true, true),
                Arguments.of("puller", "app", true, false, false),
                Arguments.of("pusher", "team/app", true, true, false),
                Arguments.of("pusher", "app", false, false, false),
                Arguments.of("deleter", "app", false, false, true),
                Arguments.of("reader", "app", true, false, false),
                Arguments.of("signer", "app", false, false, false),
                Arguments.of("nobody", "app", false, false, false));
    }

    @ParameterizedTest(name = "{0} on {1}: pull {2}, push {3}, delete {4}")
    @MethodSource("matrix")
    void eachRoleMayDoExactlyWhatItGrants(String user, String repository, boolean pull, boolean push, boolean delete) {
        String auth = SecuredRegistry.basic(user);
        expect(pull, 200, registry.get("/v2/" + repository + "/manifests/v1", auth));
        expect(pull, 200, registry.get("/v2/" + repository + "/tags/list", auth));
        expect(pull, 200, registry.get("/v2/" + repository + "/blobs/" + CONFIG_DIGEST, auth));
        expect(pull, 200, registry.get("/v2/" + repository + "/referrers/" + CONFIG_DIGEST, auth));
        expect(push, 202, registry.send("POST", "/v2/" + repository + "/blobs/uploads/", auth, null));
        expect(push, 201, pushImage(repository, "pushed-by-" + user, auth));
        expect(delete, 202, registry.send("DELETE", "/v2/" + repository + "/manifests/no-such-tag", auth, null), 404);
    }

    /** An allowed request gets the status (or {@code orElse}); a refused one 403 DENIED. */
    private static void expect(boolean allowed, int status, HttpResponse<String> response, int... orElse) {
        if (!allowed) {
            assertEquals(403, response.statusCode(), response.body());
            assertTrue(response.body().contains("\"DENIED\""), response.body());
            return;
        }
        boolean ok = response.statusCode() == status;
        for (int other : orElse) {
            ok |= response.statusCode() == other;
        }
        assertTrue(ok, "got " + response.statusCode() + ": " + response.body());
    }

    @Test
    void theCatalogNeedsARoleOnTheWholeRegistry() {
        assertEquals(
                200,
                registry.get("/v2/_catalog", SecuredRegistry.basic("puller")).statusCode());
        assertEquals(
                200,
                registry.get("/v2/_catalog", SecuredRegistry.basic("reader")).statusCode());
        assertEquals(
                403,
                registry.get("/v2/_catalog", SecuredRegistry.basic("pusher")).statusCode());
        assertEquals(
                403,
                registry.get("/v2/_catalog", SecuredRegistry.basic("deleter")).statusCode());
    }

    @Test
    void aWrongPasswordOrADisabledUserGetsTheChallenge() {
        for (String auth : new String[] {
            SecuredRegistry.basic("puller", "wrong"),
            SecuredRegistry.basic("disabled"),
            SecuredRegistry.basic("ghost", "x")
        }) {
            HttpResponse<String> response = registry.get("/v2/app/tags/list", auth);
            assertEquals(401, response.statusCode());
            assertTrue(
                    response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer realm="));
        }
    }

    @Test
    void aMountFromARepositoryTheCallerMayNotReadBecomesAnUpload() {
        String pusher = SecuredRegistry.basic("pusher");
        HttpResponse<String> fromUnreadable = registry.send(
                "POST", "/v2/team/copy/blobs/uploads/?mount=" + CONFIG_DIGEST + "&from=app", pusher, null);
        assertEquals(202, fromUnreadable.statusCode());
        HttpResponse<String> fromReadable = registry.send(
                "POST", "/v2/team/copy/blobs/uploads/?mount=" + CONFIG_DIGEST + "&from=team/app", pusher, null);
        assertEquals(201, fromReadable.statusCode());
    }

    @Test
    void anonymousPullLetsAnyoneReadButNotWrite() throws Exception {
        assertEquals(401, registry.get("/v2/app/manifests/v1", null).statusCode());
        registry.anonymousPull(true);
        try {
            assertEquals(200, registry.get("/v2/app/manifests/v1", null).statusCode());
            assertEquals(
                    401,
                    registry.send("POST", "/v2/app/blobs/uploads/", null, null).statusCode());
            assertEquals(401, registry.get("/v2/_catalog", null).statusCode());
        } finally {
            registry.anonymousPull(false);
        }
    }
}
