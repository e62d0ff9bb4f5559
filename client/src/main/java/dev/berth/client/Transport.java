package dev.berth.client;

import dev.berth.client.RegistryClientException.Kind;
import dev.berth.core.egress.Egress;
import dev.berth.core.egress.OutboundHttp;
import dev.berth.core.egress.OutboundRequest;
import dev.berth.core.egress.OutboundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * GET requests to one registry: HTTP/1.1, the configured TLS trust and timeouts, authentication challenges answered
 * once per request, and redirects (to blob storage, say) followed with the registry's credentials kept to the
 * registry's own origin. Bodies are streams whose reads fail when the registry stalls. Every connection, the
 * redirects' and the token realm's included, goes out through the {@link Egress} and its policy.
 */
final class Transport implements AutoCloseable {
    private static final int MAX_REDIRECTS = 5;
    private static final int MAX_ERROR_BYTES = 64 * 1024;
    private static final int MAX_TOKEN_BYTES = 1024 * 1024;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final String USER_AGENT = "berth-client";

    private final ClientSettings settings;
    private final OutboundHttp http;
    private final Authorizer authorizer;
    private volatile URI base;

    public Transport(ClientSettings settings, Egress egress) throws IOException {
        this.settings = settings;
        this.base = settings.registry();
        this.http = egress.http(
                Egress.Options.connectingWithin(settings.connectTimeout()).withTls(TlsContexts.of(settings.trust())));
        this.authorizer = new Authorizer(settings.credentials(), this::base, this::realmGet, Clock.systemUTC());
    }

    /** The registry's base address, with the scheme that worked. */
    public URI base() {
        return base;
    }

    /**
     * Checks that the registry answers {@code /v2/} and, when it asks for them, accepts the credentials. With {@link
     * Trust.Insecure}, an HTTPS address that cannot be spoken to over TLS at all is tried once more over plain HTTP,
     * and the scheme that worked is kept.
     */
    public void ping() throws RegistryClientException {
        try {
            probe();
        } catch (RegistryClientException overTls) {
            if (!(settings.trust() instanceof Trust.Insecure)
                    || !"https".equals(base.getScheme())
                    || overTls.kind() != Kind.UNREACHABLE) {
                throw overTls;
            }
            URI https = base;
            base = URI.create("http://" + https.getRawAuthority());
            try {
                probe();
            } catch (RegistryClientException plain) {
                base = https;
                plain.addSuppressed(overTls);
                throw plain;
            }
        }
    }

    private void probe() throws RegistryClientException {
        OutboundResponse response = get("/v2/", Optional.empty(), null, false);
        if (response.status() != 200) {
            throw failure(response, "ping");
        }
        discard(response);
    }

    /**
     * A GET of an API path, signed in as the registry asks. The caller reads or closes the body.
     *
     * @param scope the token scope the request needs, such as {@code repository:app:pull}
     * @param accept the Accept header, or null
     */
    public OutboundResponse get(String path, Optional<String> scope, String accept, boolean followRedirects)
            throws RegistryClientException {
        URI uri = base.resolve(path);
        try {
            OutboundResponse response = send(uri, authorizer.header(scope), accept);
            if (response.status() == 401) {
                List<Challenge> challenges = challenges(response);
                discard(response);
                response = send(uri, Optional.of(authorizer.answer(challenges, scope)), accept);
                if (response.status() == 401) {
                    throw stillUnauthorized(response, scope);
                }
            }
            return followRedirects ? follow(uri, response, scope, accept) : response;
        } catch (IOException e) {
            throw Failures.of(e, uri);
        }
    }

    /** Reads a whole body of at most {@code max} bytes; a longer one is an invalid response. */
    public byte[] readAtMost(OutboundResponse response, int max, String what) throws RegistryClientException {
        try (InputStream in = response.body()) {
            byte[] body = in.readNBytes(max + 1);
            if (body.length > max) {
                throw new RegistryClientException(
                        Kind.INVALID_RESPONSE,
                        what + " from " + Failures.origin(response.uri()) + " is larger than " + max + " bytes");
            }
            return body;
        } catch (IOException e) {
            throw Failures.of(e, response.uri());
        }
    }

    /** The exception for an answer that is not the one wanted, with the registry's own reason if it gave one. */
    public RegistryClientException failure(OutboundResponse response, String what) {
        int status = response.status();
        ErrorEnvelope envelope = errorOf(response);
        Kind kind =
                switch (status) {
                    case 401 -> Kind.UNAUTHORIZED;
                    case 403 -> Kind.DENIED;
                    case 404 -> Kind.NOT_FOUND;
                    default -> Kind.UNEXPECTED_STATUS;
                };
        String message =
                what + ": " + Failures.origin(response.uri()) + " answered " + status + ", " + envelope.messageOr("");
        return new RegistryClientException(
                kind,
                message.endsWith(", ") ? message.substring(0, message.length() - 2) : message,
                status,
                envelope.code(),
                null);
    }

    /** Closes a body that is not wanted. */
    public static void discard(OutboundResponse response) {
        response.close();
    }

    private OutboundResponse follow(URI first, OutboundResponse response, Optional<String> scope, String accept)
            throws IOException {
        URI current = first;
        for (int hops = 0; REDIRECTS.contains(response.status()); hops++) {
            Optional<String> location = response.header("Location");
            if (location.isEmpty()) {
                return response;
            }
            discard(response);
            if (hops == MAX_REDIRECTS) {
                throw new RegistryClientException(
                        Kind.INVALID_RESPONSE, "more than " + MAX_REDIRECTS + " redirects from " + first);
            }
            current = current.resolve(location.get());
            response = send(current, sameOrigin(current) ? authorizer.header(scope) : Optional.empty(), accept);
        }
        return response;
    }

    private boolean sameOrigin(URI uri) {
        return base.getScheme().equalsIgnoreCase(uri.getScheme())
                && base.getRawAuthority().equalsIgnoreCase(uri.getRawAuthority());
    }

    private RegistryClientException stillUnauthorized(OutboundResponse response, Optional<String> scope) {
        ErrorEnvelope envelope = errorOf(response);
        String what = scope.map(s -> " (" + s + ")").orElse("");
        if (!authorizer.hasCredentials()) {
            return new RegistryClientException(
                    Kind.UNAUTHORIZED,
                    Failures.origin(base) + " requires credentials" + what + ": "
                            + envelope.messageOr("no reason given"),
                    401,
                    envelope.code(),
                    null);
        }
        if (!authorizer.usesTokens()) {
            return new RegistryClientException(
                    Kind.UNAUTHORIZED,
                    Failures.origin(base) + " refused the credentials of " + authorizer.who() + ": "
                            + envelope.messageOr("no reason given"),
                    401,
                    envelope.code(),
                    null);
        }
        return new RegistryClientException(
                Kind.DENIED,
                Failures.origin(base) + " does not grant " + authorizer.who() + " the access asked for" + what
                        + "; the repository may not exist: " + envelope.messageOr("no reason given"),
                401,
                envelope.code(),
                null);
    }

    private Authorizer.Answer realmGet(URI uri, Optional<String> authorization) throws IOException {
        OutboundResponse response = send(uri, authorization, "application/json");
        return new Authorizer.Answer(response.status(), readAtMost(response, MAX_TOKEN_BYTES, "the token answer"));
    }

    private OutboundResponse send(URI uri, Optional<String> authorization, String accept) throws IOException {
        OutboundRequest request = OutboundRequest.get(uri)
                .withTimeouts(settings.responseTimeout(), settings.idleTimeout())
                .withHeader("User-Agent", USER_AGENT);
        if (accept != null) {
            request = request.withHeader("Accept", accept);
        }
        if (authorization.isPresent()) {
            request = request.withHeader("Authorization", authorization.get());
        }
        return http.send(request);
    }

    private static List<Challenge> challenges(OutboundResponse response) {
        List<Challenge> challenges = new ArrayList<>();
        for (String header : response.headers("WWW-Authenticate")) {
            Challenge.parse(header).ifPresent(challenges::add);
        }
        return challenges;
    }

    private ErrorEnvelope errorOf(OutboundResponse response) {
        try (InputStream in = response.body()) {
            return ErrorEnvelope.parse(in.readNBytes(MAX_ERROR_BYTES));
        } catch (IOException e) {
            return ErrorEnvelope.NONE;
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
