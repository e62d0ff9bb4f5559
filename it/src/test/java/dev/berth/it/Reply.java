package dev.berth.it;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/** A registry's answer: status, headers and the whole body. */
record Reply(String request, int status, HttpHeaders headers, byte[] body) {

    /** The header's first value, or null. */
    String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Fails with the request and the registry's answer unless the status is the one expected. */
    Reply expect(int expected) {
        if (status != expected) {
            throw new AssertionError(request + ": expected " + expected + " but got " + this);
        }
        return this;
    }

    @Override
    public String toString() {
        String shown = body.length > 500 ? text().substring(0, 500) + "..." : text();
        return status + " " + headers.map() + " " + shown;
    }
}
