package dev.berth.http.auth;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.http.server.Exchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
        return parse(new String(body, StandardCharsets.UTF_8));
    }

    static Form parse(String text) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException e) {
                throw new RegistryException(ErrorCode.INVALID_REQUEST, "malformed form encoding");
            }
        }
        return new Form(fields);
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

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
