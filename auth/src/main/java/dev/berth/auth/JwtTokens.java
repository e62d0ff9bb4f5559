package dev.berth.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.berth.core.auth.AccessScope;
import dev.berth.core.auth.Principal;
import dev.berth.core.auth.Tokens;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Tokens as ES256-signed JWTs with ACR's claims: {@code grant_type} tells access from refresh tokens, and access
 * tokens carry {@code access: [{type, name, actions}]}. Verification checks the signature against the key named in
 * the header, the audience, the token kind, and the validity window with 30 seconds of leeway for clock skew. The
 * signature check is done once per token ({@link SignatureCache}); the rest on every use.
 */
public final class JwtTokens implements Tokens {
    private static final String ISSUER = "berth";
    private static final Duration LEEWAY = Duration.ofSeconds(30);

    private final SigningKeys keys;
    private final Clock clock;
    private final Duration accessTtl;
    private final Duration refreshTtl;
    private final SignatureCache signatures = new SignatureCache();

    public JwtTokens(SigningKeys keys, Clock clock, Duration accessTtl, Duration refreshTtl) {
        this.keys = keys;
        this.clock = clock;
        this.accessTtl = accessTtl;
        this.refreshTtl = refreshTtl;
    }

    @Override
    public String issueAccess(Principal principal, String audience, String registry, List<AccessScope> granted) {
        List<Map<String, Object>> access = new ArrayList<>();
        for (AccessScope scope : granted) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", scope.type());
            entry.put("name", scope.name());
            entry.put("actions", List.copyOf(scope.actions()));
            access.add(entry);
        }
        return sign(claims(principal, audience, "access_token", accessTtl)
                .claim("registry", registry)
                .claim("access", access)
                .build());
    }

    @Override
    public String issueRefresh(Principal principal, String audience, Instant signedInAt, String credentialStamp) {
        return sign(claims(principal, audience, "refresh_token", refreshTtl)
                .claim("auth_time", signedInAt.getEpochSecond())
                .claim("cred", credentialStamp)
                .build());
    }

    @Override
    public Optional<AccessGrant> verifyAccess(String token, String audience) {
        return verified(token, audience, "access_token")
                .filter(claims -> claims.getClaim("registry") instanceof String)
                .map(claims ->
                        new AccessGrant(claims.getSubject(), (String) claims.getClaim("registry"), access(claims)));
    }

    @Override
    public Optional<RefreshGrant> verifyRefresh(String token, String audience) {
        return verified(token, audience, "refresh_token")
                .filter(claims -> claims.getClaim("auth_time") instanceof Number)
                .map(claims -> new RefreshGrant(
                        claims.getSubject(),
                        Instant.ofEpochSecond(((Number) claims.getClaim("auth_time")).longValue()),
                        claims.getClaim("cred") instanceof String stamp ? stamp : ""));
    }

    @Override
    public String publicKeys() {
        return keys.publicJwks();
    }

    @Override
    public long accessTokenSeconds() {
        return accessTtl.toSeconds();
    }

    private JWTClaimsSet.Builder claims(Principal principal, String audience, String grantType, Duration ttl) {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(principal.subject())
                .audience(audience)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .claim("grant_type", grantType)
                .claim("version", "1.0");
    }

    private String sign(JWTClaimsSet claims) {
        ECKey key = keys.signing();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return jwt.serialize();
    }

    private Optional<JWTClaimsSet> verified(String token, String audience, String grantType) {
        try {
            Optional<JWTClaimsSet> claims = signatureChecked(token);
            return claims.isPresent() && isCurrent(claims.get(), audience, grantType) ? claims : Optional.empty();
        } catch (ParseException | JOSEException | RuntimeException malformed) {
            return Optional.empty();
        }
    }

    /** The token's claims if it carries a valid signature by one of the keys, checked once per token. */
    private Optional<JWTClaimsSet> signatureChecked(String token) throws ParseException, JOSEException {
        Optional<JWTClaimsSet> known = signatures.claims(token);
        if (known.isPresent()) {
            return known;
        }
        SignedJWT jwt = SignedJWT.parse(token);
        if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())
                || jwt.getHeader().getKeyID() == null) {
            return Optional.empty();
        }
        Optional<ECKey> key = keys.byId(jwt.getHeader().getKeyID());
        if (key.isEmpty() || !jwt.verify(new ECDSAVerifier(key.get().toECPublicKey()))) {
            return Optional.empty();
        }
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        signatures.remember(token, claims);
        return Optional.of(claims);
    }

    private boolean isCurrent(JWTClaimsSet claims, String audience, String grantType) throws ParseException {
        Instant now = clock.instant();
        Date expires = claims.getExpirationTime();
        Date notBefore = claims.getNotBeforeTime();
        return ISSUER.equals(claims.getIssuer())
                && grantType.equals(claims.getStringClaim("grant_type"))
                && claims.getAudience() != null
                && claims.getAudience().contains(audience)
                && expires != null
                && now.minus(LEEWAY).isBefore(expires.toInstant())
                && (notBefore == null || !now.plus(LEEWAY).isBefore(notBefore.toInstant()))
                && claims.getSubject() != null;
    }

    @SuppressWarnings("unchecked")
    private static List<AccessScope> access(JWTClaimsSet claims) {
        Object raw = claims.getClaim("access");
        List<AccessScope> scopes = new ArrayList<>();
        if (!(raw instanceof List<?> entries)) {
            return scopes;
        }
        for (Object entry : entries) {
            if (entry instanceof Map<?, ?> map
                    && map.get("type") instanceof String type
                    && map.get("name") instanceof String name
                    && map.get("actions") instanceof List<?> actions) {
                LinkedHashSet<String> names = new LinkedHashSet<>();
                actions.forEach(a -> names.add(String.valueOf(a)));
                scopes.add(new AccessScope(type, name, names));
            }
        }
        return scopes;
    }
}
