package dev.berth.http.auth;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.http.server.Exchange;
import dev.berth.http.server.UrlForm;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An {@code application/x-www-form-urlencoded} request body, as the OAuth2 endpoints receive it. */
final class Form {
    private final Map<String, List<String>> fields;

    private Form(Map<String, List<String>> fields) {
        this.fields = fields;
    }

    static Form read(Exchange exchange, int limit) throws IOException {
        byte[] body;
        try {
            body = exchange.bodyBytes(limit);
        } catch (Exchange.BodyTooLargeException e) {
            throw new RegistryException(ErrorCode.PAYLOAD_TOO_LARGE, "form larger than " + limit + " bytes");
        }
        return parse(body);
    }

    static Form parse(byte[] body) {
        try {
            return new Form(UrlForm.decode(UrlForm.utf8(body)));
        } catch (IllegalArgumentException e) {
            throw new RegistryException(ErrorCode.INVALID_REQUEST, "malformed form: " + e.getMessage());
        }
    }

    Optional<String> value(String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    List<String> values(String name) {
        return fields.getOrDefault(name, List.of());
    }

    String required(String name) {
        return value(name).orElseThrow(() -> new RegistryException(ErrorCode.INVALID_REQUEST, name + " is required"));
    }
}
