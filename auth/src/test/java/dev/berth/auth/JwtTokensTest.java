package dev.berth.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.MovableClock;
import dev.berth.core.auth.AccessScope;
import dev.berth.core.auth.Principal;
import dev.berth.core.auth.Tokens.AccessGrant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtTokensTest {
    private static final Principal ALICE = Principal.user("alice", false);
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    @TempDir
    Path dir;

    private JwtTokens tokens;

    @BeforeEach
    void keys() throws IOException {
        tokens = at(NOW);
    }

    private JwtTokens at(Instant instant) throws IOException {
        Clock clock = Clock.fixed(instant, ZoneOffset.UTC);
        return new JwtTokens(SigningKeys.loadOrCreate(dir, clock), clock, Duration.ofMinutes(5), Duration.ofHours(3));
    }

    @Test
    void anAccessTokenCarriesItsGrantToItsAudience() {
        String token = tokens.issueAccess(
                ALICE, "reg:5000", "default", List.of(AccessScope.repository("app", "pull", "push")));
        AccessGrant grant = tokens.verifyAccess(token, "reg:5000").orElseThrow();
        assertEquals("user:alice", grant.subject());
        assertEquals("default", grant.registry());
        assertTrue(grant.allows(AccessScope.repository("app", "push")));
        assertTrue(!grant.allows(AccessScope.repository("app", "delete")));
        assertTrue(!grant.allows(AccessScope.repository("other", "pull")));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        String token = tokens.issueAccess(ALICE, "reg:5000", "default", List.of());
        assertEquals(Optional.empty(), tokens.verifyAccess(token, "other:5000"));
    }

    @Test
    void refreshAndAccessTokensAreNotInterchangeable() {
        String refresh = tokens.issueRefresh(ALICE, "reg", NOW.minusSeconds(60), "stamp");
        String access = tokens.issueAccess(ALICE, "reg", "default", List.of());
        assertEquals(
                Optional.of(new dev.berth.core.auth.Tokens.RefreshGrant("user:alice", NOW.minusSeconds(60), "stamp")),
                tokens.verifyRefresh(refresh, "reg"));
        assertEquals(Optional.empty(), tokens.verifyAccess(refresh, "reg"));
        assertEquals(Optional.empty(), tokens.verifyRefresh(access, "reg"));
    }

    @Test
    void anExpiredTokenIsRefusedAfterTheLeeway() throws IOException {
        String token = tokens.issueAccess(ALICE, "reg", "default", List.of());
        assertTrue(at(NOW.plus(Duration.ofMinutes(5)).plusSeconds(10))
                .verifyAccess(token, "reg")
                .isPresent());
        assertEquals(Optional.empty(), at(NOW.plus(Duration.ofMinutes(6))).verifyAccess(token, "reg"));
    }

    @Test
    void aTokenVerifiedBeforeIsStillCheckedForExpiryAudienceAndKind() throws IOException {
        MovableClock clock = new MovableClock();
        JwtTokens tokens =
                new JwtTokens(SigningKeys.loadOrCreate(dir, clock), clock, Duration.ofMinutes(5), Duration.ofHours(3));
        String token = tokens.issueAccess(ALICE, "reg", "default", List.of());
        assertTrue(tokens.verifyAccess(token, "reg").isPresent());
        assertTrue(tokens.verifyAccess(token, "reg").isPresent());
        assertEquals(Optional.empty(), tokens.verifyAccess(token, "other"));
        assertEquals(Optional.empty(), tokens.verifyRefresh(token, "reg"));
        clock.advance(Duration.ofMinutes(6));
        assertEquals(Optional.empty(), tokens.verifyAccess(token, "reg"));
    }

    @Test
    void aTamperedTokenIsRefusedAfterTheGenuineOneWasVerified() {
        String token = tokens.issueAccess(ALICE, "reg", "default", List.of(AccessScope.repository("app", "pull")));
        assertTrue(tokens.verifyAccess(token, "reg").isPresent());
        char last = token.charAt(token.length() - 5);
        String flipped = token.substring(0, token.length() - 5)
                + (last == 'A' ? 'B' : 'A')
                + token.substring(token.length() - 4);
        assertEquals(Optional.empty(), tokens.verifyAccess(flipped, "reg"));
        assertEquals(Optional.empty(), tokens.verifyAccess(token + "x", "reg"));
    }

    @Test
    void aTamperedTokenIsRefused() {
        String token = tokens.issueAccess(ALICE, "reg", "default", List.of(AccessScope.repository("app", "pull")));
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"pull\"", "\"push\"");
        String forged = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
        assertEquals(Optional.empty(), tokens.verifyAccess(forged, "reg"));
        char last = token.charAt(token.length() - 5);
        String flipped = token.substring(0, token.length() - 5)
                + (last == 'A' ? 'B' : 'A')
                + token.substring(token.length() - 4);
        assertEquals(Optional.empty(), tokens.verifyAccess(flipped, "reg"));
    }

    @Test
    void garbageAndUnsignedTokensAreRefused() {
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
                + "." + Base64.getUrlEncoder().withoutPadding().encodeToString("{\"sub\":\"user:admin\"}".getBytes())
                + ".";
        for (String garbage : List.of("", "x", "a.b.c", none)) {
            assertEquals(Optional.empty(), tokens.verifyAccess(garbage, "reg"));
        }
    }

    @Test
    void keysAreKeptPrivateAndReusedAndOldOnesStillVerifyAfterARotation() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            Path key = files.findFirst().orElseThrow();
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        }
        String before = tokens.issueAccess(ALICE, "reg", "default", List.of());
        SigningKeys.rotate(dir, Clock.fixed(NOW.plusSeconds(1), ZoneOffset.UTC));
        JwtTokens rotated = at(NOW);
        assertTrue(rotated.verifyAccess(before, "reg").isPresent());
        String after = rotated.issueAccess(ALICE, "reg", "default", List.of());
        assertTrue(!after.split("\\.")[0].equals(before.split("\\.")[0]), "a new key id signs");
        assertTrue(rotated.publicKeys().contains("\"keys\""));
        assertTrue(!rotated.publicKeys().contains("\"d\""), "no private part is published");
    }
}
