package dev.berth.core.access;

import dev.berth.core.auth.AdminAccount;
import dev.berth.core.auth.PasswordHasher;
import dev.berth.core.auth.Principal;
import dev.berth.core.auth.RegistryToken;
import dev.berth.core.auth.ServicePrincipal;
import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.spi.IdentityStore;
import dev.berth.core.spi.IdentityStore.UserRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Checks a user name and password. Password hashes are slow on purpose, and clients that send Basic credentials on
 * every request would pay that each time, so a success is remembered for a short while, keyed by a fast hash of the
 * pair (the password itself is never kept). An unknown user costs as much as a wrong password, so timing does not
 * tell which names exist.
 */
public final class Authenticator {
    private static final Duration REMEMBER = Duration.ofSeconds(30);
    private static final Duration HASHING_WAIT = Duration.ofSeconds(5);

    private final IdentityStore identities;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final String decoyHash;
    private final Map<String, Remembered> recent = new ConcurrentHashMap<>();
    private final Semaphore hashing =
            new Semaphore(Math.max(2, 2 * Runtime.getRuntime().availableProcessors()));

    private record Remembered(Principal principal, Instant until) {}

    public Authenticator(IdentityStore identities, PasswordHasher hasher, Clock clock) {
        this.identities = identities;
        this.hasher = hasher;
        this.clock = clock;
        this.decoyHash = hasher.hash("decoy password for unknown users");
    }

    /** The principal of credentials that signed in successfully a moment ago, without hashing again. */
    public Optional<Principal> remembered(String username, String password, long registryId) {
        Remembered remembered = recent.get(cacheKey(username, password, registryId));
        if (remembered != null && clock.instant().isBefore(remembered.until())) {
            return Optional.of(remembered.principal());
        }
        return Optional.empty();
    }

    /**
     * Checks a name and password: a user's, or else a repository-scoped token's of the registry being signed in to
     * (a token's current passwords, either of its two).
     */
    public Optional<Principal> authenticate(String username, String password, long registryId, String registryName)
            throws IOException {
        Optional<Principal> remembered = remembered(username, password, registryId);
        if (remembered.isPresent()) {
            return remembered;
        }
        Optional<UserRecord> user = identities.findUser(username);
        Optional<Principal> principal;
        AdminAccount admin = username.equals(registryName) ? identities.adminAccount(registryId) : null;
        if (admin != null && admin.enabled()) {
            principal = anyCurrent(password, admin.passwords())
                    ? Optional.of(Principal.adminAccount(registryId))
                    : Optional.empty();
        } else if (user.isPresent()) {
            boolean matches = verify(password, user.get().passwordHash());
            principal = matches && user.get().enabled()
                    ? Optional.of(Principal.user(user.get().name(), user.get().installationAdmin()))
                    : Optional.empty();
        } else {
            Optional<ServicePrincipal> servicePrincipal = identities.findServicePrincipal(username);
            principal = servicePrincipal.isPresent()
                    ? servicePrincipal(servicePrincipal.get(), password)
                    : token(username, password, registryId);
        }
        principal.ifPresent(p -> remember(cacheKey(username, password, registryId), p));
        return principal;
    }

    private Optional<Principal> servicePrincipal(ServicePrincipal servicePrincipal, String secret) {
        boolean matches = anyCurrent(secret, servicePrincipal.secrets());
        return matches && servicePrincipal.enabled()
                ? Optional.of(Principal.servicePrincipal(servicePrincipal.id()))
                : Optional.empty();
    }

    private Optional<Principal> token(String name, String password, long registryId) throws IOException {
        Optional<RegistryToken> token = identities.findToken(registryId, name);
        if (token.isEmpty()) {
            verify(password, decoyHash);
            return Optional.empty();
        }
        boolean matches = anyCurrent(password, token.get().passwords());
        return matches && token.get().enabled() ? Optional.of(Principal.token(registryId, name)) : Optional.empty();
    }

    /** Whether the password is one of these and that one has not expired; every candidate costs the same. */
    private boolean anyCurrent(String password, List<RegistryToken.Password> candidates) {
        if (candidates.isEmpty()) {
            verify(password, decoyHash);
            return false;
        }
        boolean matches = false;
        for (RegistryToken.Password candidate : candidates) {
            matches |= verify(password, candidate.hash()) && candidate.isCurrent(clock.instant());
        }
        return matches;
    }

    private void remember(String key, Principal principal) {
        if (recent.size() > 10_000) {
            recent.clear();
        }
        recent.put(key, new Remembered(principal, clock.instant().plus(REMEMBER)));
    }

    /**
     * Checks a password against a hash, at most a few at a time: each check takes tens of megabytes for tens of
     * milliseconds, and a flood of them must not exhaust memory. Past a short wait, the caller is told to come back.
     */
    private boolean verify(String password, String hash) {
        try {
            if (!hashing.tryAcquire(HASHING_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new RegistryException(ErrorCode.UNAVAILABLE, "too many sign-ins at once; try again shortly");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(ErrorCode.UNAVAILABLE, "interrupted while signing in");
        }
        try {
            return hasher.verify(password, hash);
        } finally {
            hashing.release();
        }
    }

    /** Forgets remembered sign-ins, for when a password or a user changes. */
    public void forgetAll() {
        recent.clear();
    }

    private static String cacheKey(String username, String password, long registryId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(password.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(Long.toString(registryId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
