package dev.berth.core.access;

import dev.berth.core.access.AuditLog.AuditEvent;
import dev.berth.core.access.AuditLog.Outcome;
import dev.berth.core.auth.AccessScope;
import dev.berth.core.auth.Principal;
import dev.berth.core.auth.RegistryToken;
import dev.berth.core.auth.ServicePrincipal;
import dev.berth.core.auth.Tokens;
import dev.berth.core.auth.Tokens.RefreshGrant;
import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.spi.IdentityStore;
import dev.berth.core.spi.IdentityStore.UserRecord;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one entry point for who-may-do-what on the data plane: signs principals in from credentials or refresh
 * tokens, and grants them scopes. The wire forms (Basic, Bearer, the token endpoints) are the HTTP layer's.
 */
public final class AccessControl {
    /** The user name {@code az acr login} uses to say "the password is a refresh token". */
    public static final String REFRESH_TOKEN_USER = "00000000-0000-0000-0000-000000000000";

    /** How long a chain of renewed refresh tokens may outlive the password sign-in it started from. */
    public static final Duration MAX_SESSION = Duration.ofHours(24);

    /** Stands for "no registry" when signing in to the management API: no admin account or token matches it. */
    private static final RegistryRecord NO_REGISTRY = new RegistryRecord(0, "");

    /** Longer names and secrets are refused before anything is looked up or hashed. */
    private static final int MAX_NAME = 128;

    private static final int MAX_SECRET = 16_384;

    private final Authenticator authenticator;
    private final NetworkRulesCache networkRules;
    private final AccessPolicy policy;
    private final Tokens tokens;
    private final IdentityStore identities;
    private final SignInGuard guard;
    private final AuditLog audit;
    private final Clock clock;

    public AccessControl(
            Authenticator authenticator,
            AccessPolicy policy,
            Tokens tokens,
            IdentityStore identities,
            SignInGuard guard,
            AuditLog audit,
            Clock clock) {
        this.authenticator = authenticator;
        this.policy = policy;
        this.tokens = tokens;
        this.identities = identities;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
        this.networkRules = new NetworkRulesCache(identities, clock);
    }

    /** Who is asking, for throttling and the audit log. */
    public record Caller(String address, String requestId) {}

    public Tokens tokens() {
        return tokens;
    }

    /**
     * The principal of a user name and password, or of the null-GUID user with a refresh token as password. Repeated
     * failures for a name from an address, or for many names from an address, are refused for a while with
     * {@link ErrorCode#TOOMANYREQUESTS} (see {@link SignInGuard}).
     */
    public Optional<Principal> signIn(
            String username, String password, String audience, RegistryRecord registry, Caller caller)
            throws IOException {
        if (username.length() > MAX_NAME || password.length() > MAX_SECRET) {
            record(username.substring(0, Math.min(username.length(), MAX_NAME)), "sign-in", caller, Outcome.FAILED);
            return Optional.empty();
        }
        boolean refreshToken = REFRESH_TOKEN_USER.equals(username);
        Optional<Principal> remembered =
                refreshToken ? Optional.empty() : authenticator.remembered(username, password, registry.id());
        if (remembered.isPresent()) {
            return remembered;
        }
        Optional<Duration> wait = guard.tryBegin(username, caller.address());
        if (wait.isPresent()) {
            record(username, "sign-in", caller, Outcome.THROTTLED);
            long seconds = Math.max(1, wait.get().toSeconds() + (wait.get().toMillisPart() > 0 ? 1 : 0));
            throw new RegistryException(
                    ErrorCode.TOOMANYREQUESTS,
                    "too many failed sign-ins; try again in " + seconds + " s",
                    Map.of("retryAfterSeconds", seconds));
        }
        Optional<Principal> principal = refreshToken
                ? refreshed(password, audience)
                : authenticator.authenticate(username, password, registry.id(), registry.name());
        if (principal.isEmpty()) {
            record(username, "sign-in", caller, Outcome.FAILED);
        } else {
            guard.succeeded(username, caller.address());
        }
        return principal;
    }

    /**
     * The principal of a user's or service principal's name and secret, for the management API: the same checks and
     * throttling as {@link #signIn}, but no registry's admin account or tokens.
     */
    public Optional<Principal> signInToManagement(String username, String password, Caller caller) throws IOException {
        if (REFRESH_TOKEN_USER.equals(username)) {
            return Optional.empty();
        }
        return signIn(username, password, "", NO_REGISTRY, caller);
    }

    /** Forgets remembered sign-ins, after a password, secret or token changed or went away. */
    public void credentialsChanged() {
        authenticator.forgetAll();
    }

    /** Whether the registry's network rules let the client in. */
    public boolean admits(RegistryRecord registry, String clientAddress) throws IOException {
        return networkRules.of(registry.id()).admits(clientAddress);
    }

    /** Records a decision about a request in the audit log. */
    public void record(String who, String what, Caller caller, Outcome outcome) {
        audit.record(new AuditEvent(who, what, caller.address(), outcome, caller.requestId()));
    }

    /**
     * A short fingerprint of the principal's credentials as they are now (the hashes of its passwords or secrets):
     * it changes when any of them is renewed, removed or replaced, which ends the refresh tokens issued before.
     */
    public String credentialStamp(Principal principal) throws IOException {
        return CredentialStamp.of(principal, identities);
    }

    /** The principal a refresh token stands for, as it is now (a disabled or deleted user signs in no more). */
    public Optional<Principal> refreshed(String refreshToken, String audience) throws IOException {
        Optional<RefreshGrant> grant = tokens.verifyRefresh(refreshToken, audience)
                .filter(g -> g.signedInAt().plus(MAX_SESSION).isAfter(clock.instant()));
        if (grant.isEmpty()) {
            return Optional.empty();
        }
        Optional<Principal> principal = principalOf(grant.get().subject());
        if (principal.isEmpty()
                || !credentialStamp(principal.get()).equals(grant.get().credentialStamp())) {
            return Optional.empty();
        }
        return principal;
    }

    /**
     * A refresh token for a principal that just proved itself with a password, or, when {@code renewing} is a refresh
     * token, a new one that keeps the original sign-in time (so renewing does not extend the session past its limit).
     */
    public String refreshTokenFor(Principal principal, String audience, Optional<String> renewing) {
        Instant signedInAt = renewing.flatMap(token -> tokens.verifyRefresh(token, audience))
                .map(RefreshGrant::signedInAt)
                .orElse(clock.instant());
        try {
            return tokens.issueRefresh(principal, audience, signedInAt, credentialStamp(principal));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The principal of a token subject, re-read from the store. */
    public Optional<Principal> principalOf(String subject) throws IOException {
        if (subject.equals(Principal.ANONYMOUS.subject())) {
            return Optional.of(Principal.ANONYMOUS);
        }
        if (subject.startsWith("service_principal:")) {
            return identities
                    .findServicePrincipal(subject.substring("service_principal:".length()))
                    .filter(ServicePrincipal::enabled)
                    .map(sp -> Principal.servicePrincipal(sp.id()));
        }
        if (subject.startsWith("admin_account:")) {
            long registryId = Long.parseLong(subject.substring("admin_account:".length()));
            return identities.adminAccount(registryId).enabled()
                    ? Optional.of(Principal.adminAccount(registryId))
                    : Optional.empty();
        }
        if (subject.startsWith("token:")) {
            Principal token = new Principal(Principal.Kind.TOKEN, subject.substring("token:".length()), false);
            return identities
                    .findToken(token.tokenRegistryId(), token.tokenName())
                    .filter(RegistryToken::enabled)
                    .map(t -> token);
        }
        if (!subject.startsWith("user:")) {
            return Optional.empty();
        }
        Optional<UserRecord> user = identities.findUser(subject.substring("user:".length()));
        return user.filter(UserRecord::enabled).map(u -> Principal.user(u.name(), u.installationAdmin()));
    }

    /** The granted part of each scope asked for; scopes granting nothing are left out. */
    public List<AccessScope> grant(Principal principal, RegistryRecord registry, List<AccessScope> asked)
            throws IOException {
        List<AccessScope> granted = new ArrayList<>();
        for (AccessScope scope : asked) {
            AccessScope grant = policy.grant(principal, registry, scope);
            if (!grant.actions().isEmpty()) {
                granted.add(grant);
            }
        }
        return granted;
    }

    /** Whether the principal holds every action of the scope. */
    public boolean permits(Principal principal, RegistryRecord registry, AccessScope needed) throws IOException {
        return policy.grant(principal, registry, needed).actions().containsAll(needed.actions());
    }
}
