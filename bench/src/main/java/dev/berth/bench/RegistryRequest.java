package dev.berth.bench;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request to a registry: method, absolute URI, headers and body.
 *
 * @param body what to send, or null for none (GET)
 */
record RegistryRequest(String method, URI uri, Map<String, String> headers, RequestBody body) {
    static RegistryRequest get(URI uri) {
        return new RegistryRequest("GET", uri, Map.of(), null);
    }

    static RegistryRequest of(String method, URI uri, RequestBody body) {
        return new RegistryRequest(method, uri, Map.of(), body);
    }

    RegistryRequest header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new RegistryRequest(method, uri, Map.copyOf(more), body);
    }

    @Override
    public String toString() {
        return method + " " + uri;
    }
}
