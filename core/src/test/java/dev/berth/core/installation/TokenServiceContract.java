package dev.berth.core.installation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.auth.RegistryToken;
import dev.berth.core.auth.ScopeMap;
import dev.berth.core.error.ErrorCode;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.core.tier.Tier;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scope maps and tokens, within the counts the tier allows; passwords shown once and kept as hashes. */
public abstract class TokenServiceContract extends InstallationFixture {
    private static final List<String> READ_APP = List.of("repositories/app/content/read");

    private RegistryRecord basic;

    @BeforeEach
    void createBasic() throws IOException {
        basic = registry("basic1", Tier.BASIC);
    }

    private TokenService tokens() {
        return management.tokens();
    }

    private boolean putMap(RegistryRecord registry, String name) throws IOException {
        return tokens().putScopeMap(registry, name, Optional.empty(), Optional.of(READ_APP));
    }

    @Test
    void scopeMapsUpToTheTiersCountAreAllowedAndOneMoreIsAQuotaExceeded() throws IOException {
        assertTrue(putMap(basic, "maps1"));
        assertTrue(putMap(basic, "maps2"));
        RuntimeException e = refused(ErrorCode.QUOTA_EXCEEDED, () -> putMap(basic, "maps3"));
        assertTrue(e.getMessage().contains("Basic"), e.getMessage());
        assertFalse(putMap(basic, "maps2"), "changing one at the limit is fine");
        RegistryRecord other = registry("basic2", Tier.BASIC);
        assertTrue(putMap(other, "maps3"), "the count is per registry");
    }

    @Test
    void tokensUpToTheTiersCountAreAllowedAndOneMoreIsAQuotaExceeded() throws IOException {
        tokens().createToken(basic, "token1", "_repositories_pull", true, false);
        tokens().createToken(basic, "token2", "_repositories_pull", true, false);
        refused(ErrorCode.QUOTA_EXCEEDED, () -> tokens().createToken(
                        basic, "token3", "_repositories_pull", true, false));
        tokens().deleteToken(basic, "token1");
        tokens().createToken(basic, "token3", "_repositories_pull", true, false);
    }

    @Test
    void aHigherTierHoldsMore() throws IOException {
        management.registryService().update("basic1", RegistryChange.NONE.withTier(Tier.STANDARD));
        RegistryRecord standard = registries.find("basic1").orElseThrow();
        for (String name : List.of("token1", "token2", "token3")) {
            tokens().createToken(standard, name, "_repositories_pull", true, false);
        }
        refused(ErrorCode.QUOTA_EXCEEDED, () -> tokens().createToken(
                        standard, "token4", "_repositories_pull", true, false));
    }

    @Test
    void theSystemMapsComeFirstAndCannotBeChangedOrDeleted() throws IOException {
        putMap(basic, "apps1");
        List<TokenService.ScopeMapView> maps = tokens().scopeMaps(basic);
        assertEquals(
                List.of("_repositories_admin", "_repositories_pull", "_repositories_push", "apps1"),
                maps.stream().map(v -> v.map().name()).toList());
        assertEquals(
                List.of(true, true, true, false),
                maps.stream().map(TokenService.ScopeMapView::system).toList());
        assertTrue(tokens().scopeMap(basic, "_repositories_pull").system());
        refused(ErrorCode.CONFLICT, () -> putMap(basic, "_repositories_pull"));
        refused(ErrorCode.CONFLICT, () -> tokens().deleteScopeMap(basic, "_repositories_admin"));
    }

    @Test
    void aScopeMapKeepsWhatAChangeLeavesOut() throws IOException {
        tokens().putScopeMap(basic, "apps1", Optional.of("the apps"), Optional.of(READ_APP));
        tokens().putScopeMap(basic, "apps1", Optional.empty(), Optional.empty());
        assertEquals(
                new ScopeMap("apps1", "the apps", READ_APP),
                tokens().scopeMap(basic, "apps1").map());
        tokens().putScopeMap(basic, "apps1", Optional.of(""), Optional.of(List.of()));
        assertEquals(
                new ScopeMap("apps1", "", List.of()),
                tokens().scopeMap(basic, "apps1").map());
    }

    @Test
    void badScopeMapsAreInvalidRequests() {
        refused(ErrorCode.INVALID_REQUEST, () -> putMap(basic, "abc"));
        refused(ErrorCode.INVALID_REQUEST, () -> putMap(basic, "has space"));
        refused(ErrorCode.INVALID_REQUEST, () -> tokens().putScopeMap(
                        basic, "maps1", Optional.empty(), Optional.of(List.of("pull everything"))));
        refused(ErrorCode.INVALID_REQUEST, () -> tokens().putScopeMap(
                        basic,
                        "maps1",
                        Optional.empty(),
                        Optional.of(java.util.Collections.nCopies(501, READ_APP.getFirst()))));
    }

    @Test
    void aScopeMapInUseCannotBeDeleted() throws IOException {
        putMap(basic, "apps1");
        tokens().createToken(basic, "token1", "apps1", true, false);
        refused(ErrorCode.CONFLICT, () -> tokens().deleteScopeMap(basic, "apps1"));
        tokens().deleteToken(basic, "token1");
        tokens().deleteScopeMap(basic, "apps1");
        refused(ErrorCode.RESOURCE_NOT_FOUND, () -> tokens().scopeMap(basic, "apps1"));
        refused(ErrorCode.RESOURCE_NOT_FOUND, () -> tokens().deleteScopeMap(basic, "apps1"));
    }

    @Test
    void aTokenNeedsAScopeMapOfItsRegistry() throws IOException {
        RegistryRecord other = registry("other1", Tier.BASIC);
        putMap(other, "apps1");
        refused(ErrorCode.INVALID_REQUEST, () -> tokens().createToken(basic, "token1", "apps1", true, false));
        refused(ErrorCode.INVALID_REQUEST, () -> tokens().createToken(basic, "tok", "_repositories_pull", true, true));
    }

    @Test
    void aNewTokensPasswordsAreShownOnceAndKeptAsHashes() throws IOException {
        TokenService.CreatedToken created = tokens().createToken(basic, "token1", "_repositories_pull", true, true);
        assertEquals(
                List.of("password1", "password2"),
                created.passwords().stream().map(IssuedSecret::name).toList());
        RegistryToken stored = tokens().token(basic, "token1");
        for (int i = 0; i < 2; i++) {
            String value = created.passwords().get(i).value();
            assertTrue(hasher.verify(value, stored.passwords().get(i).hash()));
            assertNotEquals(value, stored.passwords().get(i).hash());
        }
        refused(ErrorCode.CONFLICT, () -> tokens().createToken(basic, "token1", "_repositories_pull", true, true));
    }

    @Test
    void aTokenMadeWithoutPasswordsHasNone() throws IOException {
        TokenService.CreatedToken created = tokens().createToken(basic, "token1", "_repositories_pull", false, false);
        assertEquals(List.of(), created.passwords());
        assertEquals(List.of(), tokens().token(basic, "token1").passwords());
        assertFalse(tokens().token(basic, "token1").enabled());
    }

    @Test
    void changingOrDeletingATokenForgetsRememberedSignIns() throws IOException {
        tokens().createToken(basic, "token1", "_repositories_pull", true, true);
        int before = credentialChanges.get();
        RegistryToken disabled =
                tokens().updateToken(basic, "token1", Optional.of("_repositories_push"), Optional.of(false));
        assertEquals("_repositories_push", disabled.scopeMap());
        assertFalse(disabled.enabled());
        assertEquals(2, disabled.passwords().size(), "passwords stay");
        assertEquals(before + 1, credentialChanges.get());
        tokens().deleteToken(basic, "token1");
        assertEquals(before + 2, credentialChanges.get());
        refused(ErrorCode.RESOURCE_NOT_FOUND, () -> tokens().deleteToken(basic, "token1"));
        refused(ErrorCode.RESOURCE_NOT_FOUND, () -> tokens().token(basic, "token1"));
    }

    @Test
    void aNewPasswordReplacesTheOldOneAndMayExpire() throws IOException {
        TokenService.CreatedToken created = tokens().createToken(basic, "token1", "_repositories_pull", true, true);
        Instant expiry = clock.instant().plus(Duration.ofDays(30));
        IssuedSecret renewed = tokens().generatePassword(basic, "token1", "password2", Optional.of(expiry));
        assertEquals(expiry, renewed.expiry());
        RegistryToken stored = tokens().token(basic, "token1");
        assertEquals(
                List.of("password1", "password2"),
                stored.passwords().stream().map(RegistryToken.Password::name).toList());
        RegistryToken.Password second = stored.passwords().get(1);
        assertTrue(hasher.verify(renewed.value(), second.hash()));
        assertFalse(hasher.verify(created.passwords().get(1).value(), second.hash()));
        assertEquals(expiry, second.expiry());
    }

    @Test
    void aPasswordIsNamedPassword1OrPassword2AndExpiresInTheFuture() throws IOException {
        tokens().createToken(basic, "token1", "_repositories_pull", true, false);
        refused(ErrorCode.INVALID_REQUEST, () -> tokens().generatePassword(
                        basic, "token1", "password3", Optional.empty()));
        refused(ErrorCode.INVALID_REQUEST, () -> tokens().generatePassword(
                        basic, "token1", "password1", Optional.of(clock.instant())));
        refused(ErrorCode.RESOURCE_NOT_FOUND, () -> tokens().generatePassword(
                        basic, "nosuch", "password1", Optional.empty()));
    }

    @Test
    void aDeletedPasswordIsGoneAndTheOtherStays() throws IOException {
        tokens().createToken(basic, "token1", "_repositories_pull", true, true);
        RegistryToken left = tokens().deletePassword(basic, "token1", "password1");
        assertEquals(
                List.of("password2"),
                left.passwords().stream().map(RegistryToken.Password::name).toList());
        assertEquals(left, tokens().token(basic, "token1"));
        refused(ErrorCode.INVALID_REQUEST, () -> tokens().deletePassword(basic, "token1", "password"));
    }
}
