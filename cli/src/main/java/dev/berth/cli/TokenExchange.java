package dev.berth.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.cli.api.NetworkErrors;
import dev.berth.cli.json.Json;
import dev.berth.cli.tls.Insecure;
import dev.berth.cli.tls.TrustedAuthorities;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * Trades a user name and password for a refresh token at a Berth server's {@code POST /oauth2/exchange} (form
 * fields {@code grant_type=password}, {@code service}, {@code username}, {@code password}; answer {@code
 * {"refresh_token": ...}}). The token is bound to the login server as its audience, so it works wherever clients
 * name the registry the same way.
 *
 * <p>Which scheme: HTTPS with the certificate verified, unless insecure. Insecure is what {@code
 * --tls-verify=false} is to podman and skopeo: HTTPS that accepts any certificate first, and plain HTTP only when no
 * TLS conversation could be had at all. Once the server has answered over HTTPS, even with an error, that answer is
 * final.
 */
final class TokenExchange {
    static final String PATH = "/oauth2/exchange";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final boolean insecure;
    private final Path caFile;

    /** @param caFile a PEM file of authorities to verify HTTPS against instead of the system's, or null */
    TokenExchange(boolean insecure, Path caFile) {
        this.insecure = insecure;
        this.caFile = caFile;
    }

    /** A refresh token, and the origin that gave it ({@code https://HOST:PORT}): the scheme that worked. */
    record RefreshToken(String value, String origin) {
        @Override
        public String toString() {
            return "RefreshToken[origin=" + origin + "]";
        }
    }

    RefreshToken refreshToken(LoginServer server, String username, String password) throws LoginFailure {
        byte[] form = form(server, username, password);
        if (!insecure) {
            HttpClient.Builder verifying = caFile == null ? client() : client().sslContext(authorities());
            try {
                return post(verifying, server, "https", form);
            } catch (IOException e) {
                throw new LoginFailure(
                        LoginFailure.Kind.UNREACHABLE,
                        "cannot reach https://" + server + ": " + NetworkErrors.reason(e)
                                + " (for a registry on plain HTTP or with a certificate this machine does not trust,"
                                + " add --insecure)",
                        e);
            }
        }
        try {
            return post(client().sslContext(Insecure.context()), server, "https", form);
        } catch (IOException overTls) {
            try {
                return post(client(), server, "http", form);
            } catch (IOException plain) {
                plain.addSuppressed(overTls);
                throw new LoginFailure(
                        LoginFailure.Kind.UNREACHABLE,
                        "cannot reach " + server + " over HTTPS (" + NetworkErrors.reason(overTls) + ") nor over HTTP ("
                                + NetworkErrors.reason(plain) + ")",
                        plain);
            }
        }
    }

    private SSLContext authorities() throws LoginFailure {
        try {
            return TrustedAuthorities.from(caFile);
        } catch (IOException e) {
            throw new LoginFailure(LoginFailure.Kind.UNREACHABLE, e.getMessage(), e);
        }
    }

    private static RefreshToken post(HttpClient.Builder client, LoginServer server, String scheme, byte[] form)
            throws IOException, LoginFailure {
        URI uri = server.uri(scheme, PATH);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(form))
                .build();
        try (HttpClient http = client.build()) {
            String token = answer(server, uri, http.send(request, HttpResponse.BodyHandlers.ofByteArray()));
            return new RefreshToken(token, scheme + "://" + server);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoginFailure(LoginFailure.Kind.UNREACHABLE, "interrupted while waiting for " + uri, e);
        }
    }

    private static String answer(LoginServer server, URI uri, HttpResponse<byte[]> response) throws LoginFailure {
        int status = response.statusCode();
        return switch (status) {
            case 200 -> refreshTokenIn(uri, response.body());
            case 401, 403 ->
                throw new LoginFailure(
                        LoginFailure.Kind.REFUSED,
                        server + " refused the credentials: "
                                + message(response.body(), "invalid user name or password"));
            case 404 ->
                throw new LoginFailure(
                        LoginFailure.Kind.UNREACHABLE,
                        uri + " answered 404: is this a Berth registry, with authentication turned on?");
            default ->
                throw new LoginFailure(
                        LoginFailure.Kind.UNREACHABLE,
                        uri + " answered " + status + ": " + message(response.body(), "no reason given"));
        };
    }

    private static String refreshTokenIn(URI uri, byte[] body) throws LoginFailure {
        try {
            JsonNode token = Json.parseObject(body).path("refresh_token");
            if (token.isTextual() && !token.asText().isEmpty()) {
                return token.asText();
            }
        } catch (IOException notJson) {
            // reported below
        }
        throw new LoginFailure(LoginFailure.Kind.UNREACHABLE, uri + " answered 200 without a refresh token");
    }

    /** The first message of the registry's error envelope, {@code {"errors": [{"code", "message"}]}}. */
    private static String message(byte[] body, String otherwise) {
        try {
            ObjectNode envelope = Json.parseObject(body);
            JsonNode message = envelope.path("errors").path(0).path("message");
            return message.isTextual() && !message.asText().isBlank() ? message.asText() : otherwise;
        } catch (IOException notJson) {
            return otherwise;
        }
    }

    private static byte[] form(LoginServer server, String username, String password) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("grant_type", "password");
        fields.put("service", server.value());
        fields.put("username", username);
        fields.put("password", password);
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"))
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** A client over HTTP/1.1 that follows no redirects, verifying certificates unless told otherwise. */
    private static HttpClient.Builder client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER);
    }
}
