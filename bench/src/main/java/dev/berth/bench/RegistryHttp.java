package dev.berth.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The one HTTP client of the benchmark, on {@link HttpURLConnection}: blocking HTTP/1.1 with keep-alive, bodies
 * with a fixed Content-Length streamed straight to the socket. Measured on this machine it moves a 1 GiB body two
 * to three times faster than {@code java.net.http.HttpClient}, whose ceiling (about 150 to 250 MiB/s up) would
 * otherwise cap both servers and hide any difference. It resolves the {@code Location} headers both servers hand back
 * (Berth's are paths, Distribution's absolute URLs carrying {@code _state}) and fails on any status but the expected
 * one.
 *
 * <p>{@code HttpURLConnection} refuses {@code PATCH}, which chunked uploads need, so the method field is set
 * directly; the jar's manifest opens {@code java.net} for that ({@code Add-Opens}).
 */
final class RegistryHttp {
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 180_000;

    private final URI base;

    RegistryHttp(URI base) {
        this.base = base;
    }

    /** A path (or a URL a server handed back) resolved against the registry. */
    URI resolve(String pathOrUrl) {
        return base.resolve(pathOrUrl);
    }

    /** The response's {@code Location}, resolved against the registry. */
    URI location(RegistryResponse<?> response) {
        return resolve(response.requireHeader("Location"));
    }

    /** The URI with one more query parameter, kept after whatever query the server put there. */
    static URI withQuery(URI uri, String name, String value) {
        return URI.create(uri + (uri.getRawQuery() == null ? "?" : "&") + name + "=" + value);
    }

    RegistryResponse<byte[]> send(RegistryRequest request, int expectedStatus) {
        return send(request, expectedStatus, ResponseBody.bytes());
    }

    /** Sends the request and reads the body, failing unless the server answers with the expected status. */
    <T> RegistryResponse<T> send(RegistryRequest request, int expectedStatus, ResponseBody<T> reader) {
        try {
            HttpURLConnection connection = open(request);
            int status = connection.getResponseCode();
            if (status != expectedStatus) {
                throw new VerificationFailure(
                        request + " answered " + status + ", expected " + expectedStatus + describe(connection));
            }
            T body;
            try (InputStream in = connection.getInputStream()) {
                body = reader.read(in);
                in.transferTo(OutputStream.nullOutputStream());
            }
            return new RegistryResponse<>(request, status, connection.getHeaderFields(), body);
        } catch (IOException e) {
            throw new VerificationFailure(request + " failed: " + e);
        }
    }

    private static HttpURLConnection open(RegistryRequest request) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) request.uri().toURL().openConnection();
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
        connection.setReadTimeout(READ_TIMEOUT_MS);
        setMethod(connection, request.method());
        request.headers().forEach(connection::setRequestProperty);
        if (request.body() != null) {
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(request.body().length());
            try (OutputStream out = connection.getOutputStream()) {
                request.body().writeTo(out);
            }
        }
        return connection;
    }

    private static void setMethod(HttpURLConnection connection, String method) throws IOException {
        if (!method.equals("PATCH")) {
            connection.setRequestMethod(method);
            return;
        }
        connection.setRequestMethod("POST");
        PatchMethod.FIELD.set(connection, "PATCH");
    }

    /** The start of an error body, so a failure says what the server complained about. */
    private static String describe(HttpURLConnection connection) {
        try (InputStream error = connection.getErrorStream()) {
            if (error == null) {
                return "";
            }
            byte[] start = error.readNBytes(300);
            return start.length == 0 ? "" : ": " + new String(start, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** {@code HttpURLConnection.method}, looked up only when a PATCH is first sent. */
    private static final class PatchMethod {
        static final VarHandle FIELD = lookup();

        private static VarHandle lookup() {
            try {
                return MethodHandles.privateLookupIn(HttpURLConnection.class, MethodHandles.lookup())
                        .findVarHandle(HttpURLConnection.class, "method", String.class);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IllegalStateException(
                        "cannot send PATCH: run with --add-opens java.base/java.net=ALL-UNNAMED", e);
            }
        }
    }
}
