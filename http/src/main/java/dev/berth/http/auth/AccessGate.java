package dev.berth.http.auth;

import dev.berth.core.access.AccessControl;
import dev.berth.core.access.AuditLog.Outcome;
import dev.berth.core.auth.AccessScope;
import dev.berth.core.auth.NetworkRules;
import dev.berth.core.auth.Principal;
import dev.berth.core.auth.Tokens.AccessGrant;
import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.events.EventRequest;
import dev.berth.core.events.RequestContext;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.core.throttle.RequestClass;
import dev.berth.core.throttle.Throttle;
import dev.berth.http.server.Exchange;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gate in front of the OCI API. A request may carry a Bearer token from {@code /oauth2/token} (checked against
 * its signature and the scopes it grants), Basic credentials (for clients that never fetch a token), or nothing (an
 * anonymous request, which gets what the registry's anonymous-pull setting allows). When that is not enough, the
 * answer is the challenge Docker clients follow: 401 with {@code WWW-Authenticate: Bearer realm=..., service=...,
 * scope=...}; Basic credentials that are valid but not allowed get 403 {@code DENIED}.
 *
 * <p>The gate also throttles: once it knows who is asking (credentials checked, before the scope is), it counts the
 * request against the {@link Throttle}'s buckets for the registry and that identity, and refuses it with 429
 * {@code TOOMANYREQUESTS} when one is empty. Requests whose credentials fail are not counted; every request without
 * credentials is the one anonymous identity, and with authentication off every request is.
 */
public final class AccessGate {
    private static final String ANONYMOUS = Principal.ANONYMOUS.subject();

    private final AccessControl control;
    private final ClientAddresses addresses;
    private final Throttle throttle;
    private final NetworkRulesSource networkRules;

    /** Each registry's network rules, for a gate that checks nothing else. */
    @FunctionalInterface
    public interface NetworkRulesSource {
        NetworkRules of(RegistryRecord registry) throws IOException;
    }

    private AccessGate(
            AccessControl control, ClientAddresses addresses, Throttle throttle, NetworkRulesSource networkRules) {
        this.control = control;
        this.addresses = addresses;
        this.throttle = throttle;
        this.networkRules = networkRules;
    }

    private AccessGate(AccessControl control, ClientAddresses addresses, Throttle throttle) {
        this(control, addresses, throttle, registry -> NetworkRules.OPEN);
    }

    public static AccessGate enforcing(AccessControl control, ClientAddresses addresses, Throttle throttle) {
        return new AccessGate(control, addresses, throttle);
    }

    /** An enforcing gate that throttles nothing. */
    public static AccessGate enforcing(AccessControl control, ClientAddresses addresses) {
        return enforcing(control, addresses, Throttle.unlimited());
    }

    /**
     * A gate that lets everyone through as the anonymous identity, for a registry with authentication turned off;
     * it still throttles.
     */
    public static AccessGate open(Throttle throttle) {
        return new AccessGate(null, ClientAddresses.direct(), throttle);
    }

    /**
     * An open gate that still keeps out the clients a registry's network rules refuse: with authentication off,
     * network rules are the only access control left, so they hold.
     */
    public static AccessGate open(Throttle throttle, ClientAddresses addresses, NetworkRulesSource networkRules) {
        return new AccessGate(null, addresses, throttle, networkRules);
    }

    /** An open gate that throttles nothing. */
    public static AccessGate open() {
        return open(Throttle.unlimited());
    }

    /**
     * Refuses a client the registry's network rules keep out, with 403 {@code DENIED} as ACR words it. Comes before
     * any credential is looked at.
     */
    public void admit(Exchange exchange, RegistryRecord registry) throws IOException {
        if (control == null) {
            String address = addresses.of(exchange);
            if (!networkRules.of(registry).admits(address)) {
                throw new RegistryException(ErrorCode.DENIED, "client with IP '" + address + "' is not allowed access");
            }
            return;
        }
        String address = addresses.of(exchange);
        if (!control.admits(registry, address)) {
            control.record("", "network", caller(exchange), Outcome.DENIED);
            throw new RegistryException(ErrorCode.DENIED, "client with IP '" + address + "' is not allowed access");
        }
    }

    /**
     * Counts a request to the token service ({@code /oauth2/token}, {@code /oauth2/exchange}) against the
     * registry's token-request bucket, which is per registry only.
     */
    public void throttleTokenRequest(RegistryRecord registry) {
        throttle.admit(registry, ANONYMOUS, RequestClass.OAUTH);
    }

    /**
     * Checks that the request may act within the scope, or, with no scope, that it comes from someone known, and
     * counts it against the throttle's buckets for its class.
     *
     * @return what the request may do, for further checks
     */
    public Access check(Exchange exchange, RegistryRecord registry, Optional<AccessScope> needed, RequestClass request)
            throws IOException {
        admit(exchange, registry);
        if (control == null) {
            throttle.admit(registry, ANONYMOUS, request);
            attachContext(exchange, "");
            return Access.ALL;
        }
        return switch (Credentials.of(exchange)) {
            case Credentials.Bearer bearer -> bearer(exchange, registry, bearer.token(), needed, request);
            case Credentials.Basic basic -> basic(exchange, registry, basic, needed, request);
            case Credentials.None none -> anonymous(exchange, registry, needed, request);
            case Credentials.Malformed malformed ->
                throw challenge(exchange, needed, "invalid_request", "malformed Authorization header");
        };
    }

    private Access bearer(
            Exchange exchange,
            RegistryRecord registry,
            String token,
            Optional<AccessScope> needed,
            RequestClass request) {
        Optional<AccessGrant> grant = control.tokens()
                .verifyAccess(token, exchange.host())
                .filter(g -> g.registry().equals(registry.name()));
        if (grant.isEmpty()) {
            control.record("", "bearer token", caller(exchange), Outcome.FAILED);
            throw challenge(exchange, needed, "invalid_token", "the access token is invalid or has expired");
        }
        String who = grant.get().subject();
        throttle.admit(registry, who, request);
        if (needed.isPresent() && !grant.get().allows(needed.get())) {
            control.record(who, needed.get().toString(), caller(exchange), Outcome.DENIED);
            throw challenge(exchange, needed, "insufficient_scope", "the access token does not grant " + needed.get());
        }
        control.record(who, needed.map(AccessScope::toString).orElse("/v2/"), caller(exchange), Outcome.ALLOWED);
        attachContext(exchange, who);
        return grant.get()::allows;
    }

    private Access basic(
            Exchange exchange,
            RegistryRecord registry,
            Credentials.Basic basic,
            Optional<AccessScope> needed,
            RequestClass request)
            throws IOException {
        AccessControl.Caller caller = caller(exchange);
        Optional<Principal> principal =
                control.signIn(basic.username(), basic.password(), exchange.host(), registry, caller);
        if (principal.isEmpty()) {
            throw challenge(exchange, needed, null, "invalid user name or password");
        }
        throttle.admit(registry, principal.get().subject(), request);
        Access access = scope -> control.permits(principal.get(), registry, scope);
        if (needed.isPresent() && !access.permits(needed.get())) {
            control.record(basic.username(), needed.get().toString(), caller, Outcome.DENIED);
            throw new RegistryException(
                    ErrorCode.DENIED, "requested access to the resource is denied", detail(needed.get()));
        }
        control.record(basic.username(), needed.map(AccessScope::toString).orElse("/v2/"), caller, Outcome.ALLOWED);
        attachContext(exchange, basic.username());
        return access;
    }

    /**
     * Remembers on the exchange who was let in and through which request, for the events of the changes the request
     * makes; see {@link #context}.
     */
    private void attachContext(Exchange exchange, String actor) {
        EventRequest request = new EventRequest(
                exchange.requestId(),
                exchange.host(),
                exchange.method(),
                exchange.header("User-Agent").orElse(""),
                addresses.of(exchange));
        exchange.attach(RequestContext.class, new RequestContext(request, actor));
    }

    /** The context {@link #check} attached to a request it let through. */
    public static RequestContext context(Exchange exchange) {
        return exchange.attached(RequestContext.class).orElseThrow();
    }

    /** Who is asking: the client's address (through trusted proxies) and the request id. */
    AccessControl.Caller caller(Exchange exchange) {
        return new AccessControl.Caller(addresses.of(exchange), exchange.requestId());
    }

    private Access anonymous(
            Exchange exchange, RegistryRecord registry, Optional<AccessScope> needed, RequestClass request)
            throws IOException {
        throttle.admit(registry, ANONYMOUS, request);
        Access access = scope -> control.permits(Principal.ANONYMOUS, registry, scope);
        if (needed.isEmpty() || !access.permits(needed.get())) {
            throw challenge(exchange, needed, null, "authentication required");
        }
        control.record("", needed.get().toString(), caller(exchange), Outcome.ALLOWED);
        attachContext(exchange, "");
        return access;
    }

    private RegistryException challenge(Exchange exchange, Optional<AccessScope> needed, String error, String message) {
        StringBuilder header = new StringBuilder("Bearer realm=\"")
                .append(addresses.scheme(exchange))
                .append("://")
                .append(exchange.host())
                .append("/oauth2/token\",service=\"")
                .append(exchange.host())
                .append('"');
        needed.ifPresent(scope ->
                header.append(",scope=\"").append(challengeScope(scope)).append('"'));
        if (error != null) {
            header.append(",error=\"").append(error).append('"');
        }
        exchange.header("WWW-Authenticate", header.toString());
        return new RegistryException(
                ErrorCode.UNAUTHORIZED, message, needed.map(AccessGate::detail).orElse(null));
    }

    /** Docker clients push with a token for pull and push; asking for both spares them a second round trip. */
    private static String challengeScope(AccessScope scope) {
        if (scope.actions().contains("push")) {
            return scope.type() + ":" + scope.name() + ":pull,push";
        }
        return scope.toString();
    }

    private static List<Map<String, String>> detail(AccessScope scope) {
        return scope.actions().stream()
                .sorted()
                .map(action -> Map.of("Type", scope.type(), "Name", scope.name(), "Action", action))
                .toList();
    }
}
