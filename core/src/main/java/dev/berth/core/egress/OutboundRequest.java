package dev.berth.core.egress;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One outbound HTTP request. Built with {@link #get} or {@link #post} and the withers.
 *
 * @param headers in the order given; a name set twice is sent twice
 * @param body the request body, or null for none
 * @param responseTimeout how long the status and headers may take to arrive
 * @param idleTimeout how long the body may stall between two reads
 * @param followRedirects whether 3xx answers are followed (each hop checked by the policy) or returned
 */
public record OutboundRequest(
        String method,
        URI uri,
        List<Map.Entry<String, String>> headers,
        byte[] body,
        Duration responseTimeout,
        Duration idleTimeout,
        boolean followRedirects) {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public OutboundRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = List.copyOf(headers);
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
    }

    public static OutboundRequest get(URI uri) {
        return new OutboundRequest("GET", uri, List.of(), null, DEFAULT_TIMEOUT, DEFAULT_TIMEOUT, false);
    }

    public static OutboundRequest post(URI uri, byte[] body) {
        return new OutboundRequest("POST", uri, List.of(), body, DEFAULT_TIMEOUT, DEFAULT_TIMEOUT, false);
    }

    public OutboundRequest withMethod(String method, byte[] body) {
        return new OutboundRequest(method, uri, headers, body, responseTimeout, idleTimeout, followRedirects);
    }

    public OutboundRequest withHeader(String name, String value) {
        List<Map.Entry<String, String>> more = new ArrayList<>(headers);
        more.add(Map.entry(name, value));
        return new OutboundRequest(method, uri, more, body, responseTimeout, idleTimeout, followRedirects);
    }

    public OutboundRequest withHeaders(Map<String, String> values) {
        OutboundRequest request = this;
        for (Map.Entry<String, String> header : new LinkedHashMap<>(values).entrySet()) {
            request = request.withHeader(header.getKey(), header.getValue());
        }
        return request;
    }

    public OutboundRequest withTimeouts(Duration response, Duration idle) {
        return new OutboundRequest(method, uri, headers, body, response, idle, followRedirects);
    }

    public OutboundRequest followingRedirects() {
        return new OutboundRequest(method, uri, headers, body, responseTimeout, idleTimeout, true);
    }
}
