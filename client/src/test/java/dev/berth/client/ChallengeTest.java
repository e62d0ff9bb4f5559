package dev.berth.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ChallengeTest {
    @Test
    void readsDockersBearerChallengeWithACommaInsideAQuotedScope() {
        Challenge challenge = Challenge.parse(
                        "Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
                                + "scope=\"repository:library/busybox:pull,push\",error=\"insufficient_scope\"")
                .orElseThrow();

        assertTrue(challenge.isBearer());
        assertEquals(
                Map.of(
                        "realm", "https://auth.docker.io/token",
                        "service", "registry.docker.io",
                        "scope", "repository:library/busybox:pull,push",
                        "error", "insufficient_scope"),
                challenge.parameters());
    }

    @Test
    void readsTokensSpacesEscapesAndCase() {
        Challenge challenge = Challenge.parse("BASIC Realm=plain , other=\"a \\\"quoted\\\" word\"")
                .orElseThrow();

        assertTrue(challenge.isBasic());
        assertEquals("plain", challenge.parameter("realm").orElseThrow());
        assertEquals("a \"quoted\" word", challenge.parameter("other").orElseThrow());
    }

    @Test
    void aBareSchemeHasNoParameters() {
        assertEquals(Map.of(), Challenge.parse("Basic").orElseThrow().parameters());
        assertTrue(Challenge.parse("  ").isEmpty());
    }
}
