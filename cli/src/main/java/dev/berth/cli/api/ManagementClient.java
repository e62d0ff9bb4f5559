package dev.berth.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.cli.json.Json;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The CLI's HTTP client for one Berth server, signed in with Basic credentials. Bodies go and come as JSON; any
 * answer of 400 or more, and any failure to get an answer, becomes an {@link ApiException}. When the address names
 * no scheme, the first request settles it (see {@link Transports}) and later requests keep it.
 */
public final class ManagementClient implements AutoCloseable {
    private final ServerAddress server;
    private final String authorization;
    private final TlsOptions tls;
    private final Duration timeout;
    private final Transports transports;
    private final Map<String, ManagementClient> others = new HashMap<>();

    private ManagementClient(
            ServerAddress server, String authorization, TlsOptions tls, Duration timeout, Transports transports) {
        this.server = server;
        this.authorization = authorization;
        this.tls = tls;
        this.timeout = timeout;
        this.transports = transports;
    }

    /** A client for the server; nothing is sent yet. */
    public static ManagementClient connect(
            ServerAddress server, String username, String password, TlsOptions tls, Duration timeout)
            throws ApiException {
        String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new ManagementClient(server, "Basic " + basic, tls, timeout, Transports.open(server, tls));
    }

    /** {@code HOST[:PORT]} of the server. */
    public String authority() {
        return server.authority();
    }

    /**
     * A client for another address with the same credentials, TLS options and, once known, scheme: a registry's
     * login server, for what only the data plane answers. This client itself when the address is its own.
     */
    public ManagementClient at(String authority) throws ApiException {
        if (authority.equalsIgnoreCase(server.authority())) {
            return this;
        }
        ManagementClient other = others.get(authority);
        if (other == null) {
            ServerAddress address = new ServerAddress(transports.scheme().or(server::scheme), authority);
            other = new ManagementClient(address, authorization, tls, timeout, Transports.open(address, tls));
            others.put(authority, other);
        }
        return other;
    }

    public JsonNode get(String path) throws ApiException {
        return send("GET", path, null, Map.of()).json();
    }

    /** The resource at the path, or empty when the server answers 404. */
    public Optional<JsonNode> find(String path) throws ApiException {
        try {
            return Optional.of(get(path));
        } catch (ApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public JsonNode post(String path, JsonNode body) throws ApiException {
        return send("POST", path, body, Map.of()).json();
    }

    public JsonNode put(String path, JsonNode body) throws ApiException {
        return send("PUT", path, body, Map.of()).json();
    }

    public JsonNode patch(String path, JsonNode body) throws ApiException {
        return send("PATCH", path, body, Map.of()).json();
    }

    /** Deletes; the answer's body, if any (ACR's repository delete says what went), else a missing node. */
    public JsonNode delete(String path) throws ApiException {
        return send("DELETE", path, null, Map.of()).json();
    }

    /**
     * Sends one request and returns a 1xx-3xx answer.
     *
     * @param pathAndQuery the path from the root, already encoded (see {@link ApiPath}), with any query
     * @param body sent as {@code application/json}, or null for none
     */
    public ApiResponse send(String method, String pathAndQuery, JsonNode body, Map<String, String> headers)
            throws ApiException {
        HttpResponse<byte[]> response = transports.send(scheme -> request(scheme, method, pathAndQuery, body, headers));
        if (response.statusCode() >= 400) {
            throw ErrorEnvelope.toException(response.statusCode(), response.body());
        }
        return new ApiResponse(response.statusCode(), response.headers(), response.body());
    }

    /** Sends a file as the body of a PUT ({@code application/gzip}); the answer's JSON. */
    public JsonNode upload(String pathAndQuery, Path file) throws ApiException {
        HttpResponse<byte[]> response = transports.send(scheme -> {
            try {
                return HttpRequest.newBuilder(server.uri(scheme, pathAndQuery))
                        .timeout(timeout)
                        .header("Authorization", authorization)
                        .header("Content-Type", "application/gzip")
                        .PUT(HttpRequest.BodyPublishers.ofFile(file))
                        .build();
            } catch (FileNotFoundException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (response.statusCode() >= 400) {
            throw ErrorEnvelope.toException(response.statusCode(), response.body());
        }
        return new ApiResponse(response.statusCode(), response.headers(), response.body()).json();
    }

    /**
     * Gets a body as a stream, read as it arrives (a followed log); only the wait for the answer's start is timed.
     * The caller closes it.
     */
    public ApiStream stream(String pathAndQuery) throws ApiException {
        HttpResponse<InputStream> response = transports.send(
                scheme -> HttpRequest.newBuilder(server.uri(scheme, pathAndQuery))
                        .timeout(timeout)
                        .header("Authorization", authorization)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() >= 400) {
            try (InputStream body = response.body()) {
                throw ErrorEnvelope.toException(response.statusCode(), body.readAllBytes());
            } catch (IOException e) {
                throw ApiException.noAnswer("the answer to " + pathAndQuery + " broke off: " + e.getMessage(), e);
            }
        }
        return new ApiStream(response.headers(), response.body());
    }

    private HttpRequest request(
            String scheme, String method, String pathAndQuery, JsonNode body, Map<String, String> headers) {
        URI uri = server.uri(scheme, pathAndQuery);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Authorization", authorization)
                .header("Accept", "application/json");
        headers.forEach(request::setHeader);
        if (body == null) {
            return request.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(Json.compact(body)))
                .build();
    }

    @Override
    public void close() {
        others.values().forEach(ManagementClient::close);
        transports.close();
    }
}
