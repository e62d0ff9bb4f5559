package dev.berth.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.client.RegistryClientException.Kind;
import dev.berth.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Answers a registry's authentication challenges. A Bearer challenge (Docker token authentication) is answered with a
 * token from its realm, asked for with Basic credentials or anonymously, and kept per scope until it is about to
 * expire; a Basic challenge with the credentials themselves. Once a registry has said which scheme it wants, later
 * requests carry the answer from the start and spare the round trip.
 */
final class Authorizer {
    private static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(60);
    private static final Duration RENEW_MARGIN = Duration.ofSeconds(10);
    private static final int MAX_TOKEN_RESPONSE_BYTES = 1024 * 1024;

    /** Sends a GET to the token realm; supplied by the transport, so both share one HTTP client and its timeouts. */
    @FunctionalInterface
    interface RealmClient {
        /** Status and (bounded) body of a GET with the given Authorization, which may be empty. */
        Answer get(URI uri, Optional<String> authorization) throws IOException;
    }

    /** A small answer, read whole. */
    record Answer(int status, byte[] body) {}

    private final Optional<Credentials> credentials;
    /** The registry's base address as it stands: it moves to plain HTTP when an insecure client falls back. */
    private final Supplier<URI> registry;

    private final RealmClient realmClient;
    private final Clock clock;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private volatile Challenge learned;

    Authorizer(Optional<Credentials> credentials, Supplier<URI> registry, RealmClient realmClient, Clock clock) {
        this.credentials = credentials;
        this.registry = registry;
        this.realmClient = realmClient;
        this.clock = clock;
    }

    boolean hasCredentials() {
        return credentials.isPresent();
    }

    /** Whether the registry answered with Docker token authentication, so credentials were checked by its realm. */
    boolean usesTokens() {
        Challenge challenge = learned;
        return challenge != null && challenge.isBearer();
    }

    String who() {
        return credentials.map(c -> "user " + c.username()).orElse("an anonymous client");
    }

    /** The Authorization to send with a first attempt, when the registry's scheme is known already. */
    Optional<String> header(Optional<String> scope) throws IOException {
        Challenge challenge = learned;
        if (challenge == null) {
            return Optional.empty();
        }
        if (challenge.isBasic()) {
            return credentials.map(Authorizer::basic);
        }
        return Optional.of(bearer(challenge, scope));
    }

    /** The Authorization that answers a 401's challenges, or the reason none can. */
    String answer(List<Challenge> challenges, Optional<String> scope) throws IOException {
        Optional<Challenge> bearer =
                challenges.stream().filter(Challenge::isBearer).findFirst();
        if (bearer.isPresent()) {
            learned = bearer.get();
            tokens.remove(scope.orElse(""));
            return bearer(bearer.get(), scope);
        }
        if (challenges.stream().anyMatch(Challenge::isBasic)) {
            learned = challenges.stream().filter(Challenge::isBasic).findFirst().get();
            return basic(credentials.orElseThrow(() -> new RegistryClientException(
                    Kind.UNAUTHORIZED, Failures.origin(registry.get()) + " requires credentials", 401, null, null)));
        }
        throw new RegistryClientException(
                Kind.UNAUTHORIZED,
                Failures.origin(registry.get()) + " answered 401 with no challenge this client can answer",
                401,
                null,
                null);
    }

    private String bearer(Challenge challenge, Optional<String> scope) throws IOException {
        String key = scope.orElse("");
        Token token = tokens.get(key);
        if (token == null || !token.isFresh(clock.instant())) {
            token = fetch(challenge, scope);
            tokens.put(key, token);
        }
        return "Bearer " + token.value();
    }

    private Token fetch(Challenge challenge, Optional<String> scope) throws IOException {
        URI realm = realm(challenge);
        Answer answer = realmClient.get(tokenUri(realm, challenge, scope), credentials.map(Authorizer::basic));
        return switch (answer.status()) {
            case 200 -> token(realm, answer.body());
            case 401, 403 -> throw refused(answer);
            default ->
                throw new RegistryClientException(
                        Kind.UNEXPECTED_STATUS,
                        "the token service " + Failures.origin(realm) + " answered " + answer.status(),
                        answer.status(),
                        ErrorEnvelope.parse(answer.body()).code(),
                        null);
        };
    }

    private RegistryClientException refused(Answer answer) {
        ErrorEnvelope envelope = ErrorEnvelope.parse(answer.body());
        String message = credentials.isPresent()
                ? Failures.origin(registry.get()) + " refused the credentials of " + who() + ": "
                        + envelope.messageOr("no reason given")
                : Failures.origin(registry.get()) + " requires credentials: "
                        + envelope.messageOr("no anonymous token");
        return new RegistryClientException(
                answer.status() == 403 ? Kind.DENIED : Kind.UNAUTHORIZED,
                message,
                answer.status(),
                envelope.code(),
                null);
    }

    private URI realm(Challenge challenge) throws RegistryClientException {
        String text = challenge.parameter("realm").orElse("");
        URI realm;
        try {
            realm = URI.create(text);
        } catch (IllegalArgumentException e) {
            realm = null;
        }
        if (realm == null
                || realm.getHost() == null
                || !("https".equals(realm.getScheme()) || "http".equals(realm.getScheme()))) {
            throw new RegistryClientException(Kind.INVALID_RESPONSE, "the Bearer challenge names no usable realm");
        }
        if (credentials.isPresent()
                && "http".equals(realm.getScheme())
                && "https".equals(registry.get().getScheme())) {
            throw new RegistryClientException(
                    Kind.INVALID_RESPONSE,
                    "the registry sends credentials to a plain-HTTP token service, " + Failures.origin(realm)
                            + "; refusing");
        }
        return realm;
    }

    private static URI tokenUri(URI realm, Challenge challenge, Optional<String> scope) {
        StringBuilder query = new StringBuilder(realm.getRawQuery() == null ? "" : realm.getRawQuery());
        challenge.parameter("service").ifPresent(service -> append(query, "service", service));
        Optional<String> asked = scope.or(() -> challenge.parameter("scope"));
        asked.ifPresent(s -> append(query, "scope", s));
        String base = realm.toString();
        int q = base.indexOf('?');
        return URI.create((q < 0 ? base : base.substring(0, q)) + (query.isEmpty() ? "" : "?" + query));
    }

    private static void append(StringBuilder query, String name, String value) {
        if (!query.isEmpty()) {
            query.append('&');
        }
        query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private Token token(URI realm, byte[] body) throws RegistryClientException {
        if (body.length > MAX_TOKEN_RESPONSE_BYTES) {
            throw new RegistryClientException(Kind.INVALID_RESPONSE, "the token answer is too large");
        }
        JsonNode answer;
        try {
            answer = Json.parse(body);
        } catch (RuntimeException e) {
            answer = null;
        }
        String value = answer == null
                ? ""
                : text(answer, "token").orElse(text(answer, "access_token").orElse(""));
        if (value.isEmpty()) {
            throw new RegistryClientException(
                    Kind.INVALID_RESPONSE, "the token service " + Failures.origin(realm) + " answered without a token");
        }
        long seconds = answer.path("expires_in").canConvertToLong()
                ? answer.path("expires_in").asLong()
                : DEFAULT_TOKEN_LIFETIME.toSeconds();
        Duration lifetime = Duration.ofSeconds(Math.max(seconds, 0));
        Instant renewAfter = clock.instant().plus(lifetime).minus(RENEW_MARGIN);
        return new Token(value, renewAfter);
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isEmpty() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static String basic(Credentials credentials) {
        String pair = credentials.username() + ":" + credentials.password();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
