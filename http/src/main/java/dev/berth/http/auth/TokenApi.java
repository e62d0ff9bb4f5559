package dev.berth.http.auth;

import dev.berth.core.access.AccessControl;
import dev.berth.core.access.AuditLog.Outcome;
import dev.berth.core.auth.AccessScope;
import dev.berth.core.auth.Principal;
import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.json.Json;
import dev.berth.core.registry.RegistryResolver;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.http.error.RegistryEndpoint;
import dev.berth.http.server.Exchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The token service under {@code /oauth2/}, as Docker clients and ACR's tools use it:
 *
 * <ul>
 *   <li>{@code GET /oauth2/token?service=&scope=} with Basic credentials (or none, for an anonymous token): an access
 *       token for the granted part of each scope;
 *   <li>{@code POST /oauth2/token} with {@code grant_type=password} or {@code grant_type=refresh_token}: the same, the
 *       OAuth2 way;
 *   <li>{@code POST /oauth2/exchange}: credentials traded for a refresh token, which {@code docker login} then uses
 *       as the password of the user {@code 00000000-0000-0000-0000-000000000000};
 *   <li>{@code GET /oauth2/jwks}: the public keys that verify the tokens.
 * </ul>
 */
public final class TokenApi extends RegistryEndpoint {
    private static final int MAX_FORM_BYTES = 64 * 1024;
    private static final int MAX_SCOPES = 20;
    /** The paths ACR counts as OAuth requests; the public keys are not. */
    private static final Set<String> THROTTLED = Set.of("/oauth2/token", "/oauth2/exchange");

    private final AccessControl control;
    private final AccessGate gate;
    private final RegistryResolver registries;

    public TokenApi(AccessControl control, AccessGate gate, RegistryResolver registries) {
        this.control = control;
        this.gate = gate;
        this.registries = registries;
    }

    @Override
    public boolean matches(String path) {
        return path.startsWith("/oauth2/");
    }

    @Override
    protected void serve(Exchange exchange) throws IOException {
        RegistryRecord registry = registry(exchange, registries);
        gate.admit(exchange, registry);
        if (THROTTLED.contains(exchange.path())) {
            gate.throttleTokenRequest(registry);
        }
        switch (exchange.method() + " " + exchange.path()) {
            case "GET /oauth2/token" -> tokenByQuery(exchange);
            case "POST /oauth2/token" -> tokenByForm(exchange, Form.read(exchange, MAX_FORM_BYTES));
            case "POST /oauth2/exchange" -> exchangeForRefresh(exchange, Form.read(exchange, MAX_FORM_BYTES));
            case "GET /oauth2/jwks" ->
                exchange.send(
                        200, "application/json", control.tokens().publicKeys().getBytes(StandardCharsets.UTF_8));
            default -> throw new RegistryException(ErrorCode.NAME_UNKNOWN, "no such token endpoint");
        }
    }

    private void tokenByQuery(Exchange exchange) throws IOException {
        String audience = exchange.query("service").orElse(exchange.host());
        Principal principal =
                switch (Credentials.of(exchange)) {
                    case Credentials.None none -> Principal.ANONYMOUS;
                    case Credentials.Basic basic -> signIn(exchange, basic.username(), basic.password(), audience);
                    default -> throw unauthorized("use Basic credentials to ask for a token");
                };
        sendAccess(exchange, principal, audience, scopes(exchange.queryValues("scope")), null);
    }

    private void tokenByForm(Exchange exchange, Form form) throws IOException {
        String audience = form.value("service").orElse(exchange.host());
        List<AccessScope> scopes = scopes(form.values("scope"));
        switch (form.value("grant_type").orElse("")) {
            case "password" -> {
                Principal principal = signIn(exchange, form.required("username"), form.required("password"), audience);
                String refresh =
                        form.value("access_type").filter("offline"::equals).isPresent()
                                ? control.refreshTokenFor(principal, audience, Optional.empty())
                                : null;
                sendAccess(exchange, principal, audience, scopes, refresh);
            }
            case "client_credentials" -> {
                Principal principal =
                        signIn(exchange, form.required("client_id"), form.required("client_secret"), audience);
                sendAccess(exchange, principal, audience, scopes, null);
            }
            case "refresh_token" -> {
                String refreshToken = form.required("refresh_token");
                Principal principal = control.refreshed(refreshToken, audience)
                        .orElseThrow(() -> unauthorized("the refresh token is invalid or has expired"));
                sendAccess(exchange, principal, audience, scopes, refreshToken);
            }
            default ->
                throw new RegistryException(
                        ErrorCode.INVALID_REQUEST, "grant_type must be password, client_credentials or refresh_token");
        }
    }

    private void exchangeForRefresh(Exchange exchange, Form form) throws IOException {
        String audience = form.value("service").orElse(exchange.host());
        String grantType = form.value("grant_type").orElse("password");
        Optional<String> renewing = grantType.equals("password")
                ? Optional.empty()
                : form.value("refresh_token").or(() -> form.value("access_token"));
        Principal principal =
                switch (grantType) {
                    case "password" -> credentialsOf(exchange, form, audience);
                    case "refresh_token", "access_token" ->
                        control.refreshed(renewing.orElse(""), audience)
                                .orElseThrow(() -> unauthorized("the token is invalid or has expired"));
                    default ->
                        throw new RegistryException(
                                ErrorCode.INVALID_REQUEST,
                                "grant_type must be password, refresh_token or access_token");
                };
        if (principal.isAnonymous()) {
            throw unauthorized("credentials are required");
        }
        send(exchange, Map.of("refresh_token", control.refreshTokenFor(principal, audience, renewing)));
    }

    private Principal credentialsOf(Exchange exchange, Form form, String audience) throws IOException {
        if (Credentials.of(exchange) instanceof Credentials.Basic basic) {
            return signIn(exchange, basic.username(), basic.password(), audience);
        }
        return signIn(exchange, form.required("username"), form.required("password"), audience);
    }

    private Principal signIn(Exchange exchange, String username, String password, String audience) throws IOException {
        return control.signIn(username, password, audience, registry(exchange, registries), gate.caller(exchange))
                .orElseThrow(() -> unauthorized("invalid user name or password"));
    }

    private void sendAccess(
            Exchange exchange, Principal principal, String audience, List<AccessScope> asked, String refreshToken)
            throws IOException {
        RegistryRecord registry = registry(exchange, registries);
        List<AccessScope> granted = control.grant(principal, registry, asked);
        control.record(
                principal.name(),
                "token " + asked + " granted " + granted,
                gate.caller(exchange),
                granted.size() == asked.size() ? Outcome.ALLOWED : Outcome.DENIED);
        String token = control.tokens().issueAccess(principal, audience, registry.name(), granted);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", token);
        body.put("access_token", token);
        body.put("expires_in", control.tokens().accessTokenSeconds());
        body.put("issued_at", Instant.now().toString());
        if (refreshToken != null) {
            body.put("refresh_token", refreshToken);
        }
        send(exchange, body);
    }

    private static List<AccessScope> scopes(List<String> values) {
        List<AccessScope> scopes = new ArrayList<>();
        values.forEach(value -> scopes.addAll(AccessScope.parseAll(value)));
        if (scopes.size() > MAX_SCOPES) {
            throw new RegistryException(
                    ErrorCode.INVALID_REQUEST, "at most " + MAX_SCOPES + " scopes may be asked for at once");
        }
        return scopes;
    }

    private static void send(Exchange exchange, Map<String, ?> body) throws IOException {
        exchange.header("Cache-Control", "no-store");
        exchange.send(200, "application/json", Json.write(body));
    }

    private static RegistryException unauthorized(String message) {
        return new RegistryException(ErrorCode.UNAUTHORIZED, message);
    }
}
