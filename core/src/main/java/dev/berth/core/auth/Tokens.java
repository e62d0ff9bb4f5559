package dev.berth.core.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Issues and checks the tokens of Docker token authentication: short-lived access tokens that carry the granted
 * scopes, and longer-lived refresh tokens that stand for an identity and are traded for access tokens. Each token is
 * bound to one audience, the login server it was issued for.
 */
public interface Tokens {
    /** An access token for the granted scopes of one registry, bound to that registry and the audience. */
    String issueAccess(Principal principal, String audience, String registry, List<AccessScope> granted);

    /**
     * A refresh token for the principal, remembering when it last proved itself with a password, so that a chain
     * of renewed refresh tokens cannot outlive that sign-in by more than the session limit, and a stamp of the
     * credentials it proved itself with, so that changing them ends the chain.
     */
    String issueRefresh(Principal principal, String audience, Instant signedInAt, String credentialStamp);

    /** The grant an access token carries, if it is genuine, unexpired and for this audience. */
    Optional<AccessGrant> verifyAccess(String token, String audience);

    /** Who a refresh token stands for and since when, if it is genuine, unexpired and for this audience. */
    Optional<RefreshGrant> verifyRefresh(String token, String audience);

    /** The public keys that verify the tokens, as a JSON Web Key Set. */
    String publicKeys();

    /** Seconds an access token lives, for the token response's {@code expires_in}. */
    long accessTokenSeconds();

    /**
     * What a refresh token stands for: a subject, when it last signed in with a password, and the stamp of the
     * credentials it had then (empty in tokens from before stamps, which therefore no longer renew).
     */
    record RefreshGrant(String subject, Instant signedInAt, String credentialStamp) {}

    /** What an access token grants, on which registry, and to whom. */
    record AccessGrant(String subject, String registry, List<AccessScope> access) {
        public boolean allows(AccessScope needed) {
            for (String action : needed.actions()) {
                boolean found = access.stream()
                        .anyMatch(a ->
                                a.type().equals(needed.type()) && a.name().equals(needed.name()) && a.allows(action));
                if (!found) {
                    return false;
                }
            }
            return true;
        }
    }
}
