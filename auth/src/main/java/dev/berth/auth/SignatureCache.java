package dev.berth.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The claims of tokens whose signature has already been checked, by the token's exact text. A client sends the same
 * access token with every request of a pull or push, and an ES256 signature check (plus parsing the token) cost more
 * than serving a manifest. Only the signature check is remembered: whether the token is still current, and for whom,
 * is decided afresh each time. The signing keys of a {@link JwtTokens} never change while it lives, so a signature
 * that verified once verifies again. At most {@link #LIMIT} tokens are held; past that the cache starts over.
 */
final class SignatureCache {
    static final int LIMIT = 4096;

    private final Map<String, JWTClaimsSet> verified = new ConcurrentHashMap<>();

    Optional<JWTClaimsSet> claims(String token) {
        return Optional.ofNullable(verified.get(token));
    }

    void remember(String token, JWTClaimsSet claims) {
        if (verified.size() >= LIMIT) {
            verified.clear();
        }
        verified.put(token, claims);
    }
}
