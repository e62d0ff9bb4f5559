package dev.berth.cli.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ApiPathTest {
    @Test
    void eachSegmentIsEncodedButWhatAPathAllowsStays() {
        assertEquals(
                "/api/registries/r/tokens/a%2Fb%20c",
                ApiPath.of("api", "registries", "r", "tokens", "a/b c").toString());
        assertEquals(
                "/v2/app/manifests/sha256:abc",
                ApiPath.of("v2", "app", "manifests", "sha256:abc").toString());
    }

    @Test
    void aRepositoryNameKeepsItsSlashes() {
        assertEquals(
                "/acr/v1/team/app/_tags",
                ApiPath.of("acr", "v1").addPath("team/app").add("_tags").toString());
    }

    @Test
    void queryValuesAreEncodedAndNullsLeftOut() {
        assertEquals(
                "/api/roleAssignments?scope=%2Fregistries%2Fr&principal=user%3Aa%20b",
                ApiPath.of("api", "roleAssignments")
                        .query("scope", "/registries/r")
                        .query("last", null)
                        .query("principal", "user:a b")
                        .toString());
    }

    @Test
    void aCopyDoesNotChangeTheOriginal() {
        ApiPath base = ApiPath.of("a");

        assertEquals("/a?n=1", base.copy().query("n", 1).toString());
        assertEquals("/a", base.toString());
    }
}
