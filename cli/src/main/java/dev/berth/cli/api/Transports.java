package dev.berth.cli.api;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The schemes a request may go over, in order, and the one that answered first. */
final class Transports implements AutoCloseable {
    private final ServerAddress server;
    private final List<Transport> candidates;
    private Transport chosen;

    private record Transport(String scheme, HttpClient http) {}

    @FunctionalInterface
    interface RequestFor {
        HttpRequest build(String scheme);
    }

    private Transports(ServerAddress server, List<Transport> candidates) {
        this.server = server;
        this.candidates = candidates;
    }

    /**
     * With a scheme in the address, only that one. Without: verified HTTPS; with {@code --insecure}, HTTPS
     * accepting any certificate and then plain HTTP, as {@code berth login} does.
     */
    static Transports open(ServerAddress server, TlsOptions tls) throws ApiException {
        List<Transport> candidates = new ArrayList<>();
        String first = server.scheme().orElse("https");
        candidates.add(new Transport(first, Clients.build(first, tls)));
        if (server.scheme().isEmpty() && tls.insecure()) {
            candidates.add(new Transport("http", Clients.build("http", tls)));
        }
        return new Transports(server, candidates);
    }

    Optional<String> scheme() {
        return Optional.ofNullable(chosen).map(Transport::scheme);
    }

    HttpResponse<byte[]> send(RequestFor request) throws ApiException {
        return send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Sends over the chosen scheme, or tries each until one answers; the answer's body as the handler reads it. */
    <T> HttpResponse<T> send(RequestFor request, HttpResponse.BodyHandler<T> body) throws ApiException {
        if (chosen != null) {
            return attempt(chosen, request, body);
        }
        List<String> reasons = new ArrayList<>();
        ApiException last = null;
        for (Transport candidate : candidates) {
            try {
                HttpResponse<T> response = attempt(candidate, request, body);
                chosen = candidate;
                return response;
            } catch (ApiException e) {
                reasons.add(candidate.scheme().toUpperCase(Locale.ROOT) + ": " + e.getMessage());
                last = e;
            }
        }
        throw candidates.size() == 1 ? last : ApiException.noAnswer(unreachable(String.join("; ", reasons)), last);
    }

    private <T> HttpResponse<T> attempt(Transport transport, RequestFor request, HttpResponse.BodyHandler<T> body)
            throws ApiException {
        HttpRequest built = request.build(transport.scheme());
        try {
            return transport.http().send(built, body);
        } catch (IOException e) {
            throw ApiException.noAnswer(
                    "cannot reach " + transport.scheme() + "://" + server.authority() + ": " + NetworkErrors.reason(e)
                            + hint(transport),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.noAnswer("interrupted while waiting for " + built.uri(), e);
        }
    }

    private String hint(Transport transport) {
        boolean guessed = server.scheme().isEmpty() && candidates.size() == 1;
        return guessed && transport.scheme().equals("https")
                ? " (for a server on plain HTTP use http://" + server.authority()
                        + "; for a certificate this machine does not trust, --ca-file or --insecure)"
                : "";
    }

    private String unreachable(String reasons) {
        return "cannot reach " + server.authority() + " over HTTPS nor over HTTP (" + reasons + ")";
    }

    @Override
    public void close() {
        candidates.forEach(candidate -> candidate.http().close());
    }
}
