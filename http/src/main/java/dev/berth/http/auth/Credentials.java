package dev.berth.http.auth;

import dev.berth.http.server.Exchange;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/** What a request's {@code Authorization} header carries: nothing, Basic credentials, a Bearer token, or garbage. */
public sealed interface Credentials {
    record None() implements Credentials {}

    record Basic(String username, String password) implements Credentials {}

    record Bearer(String token) implements Credentials {}

    /** A header that is present but unreadable. */
    record Malformed() implements Credentials {}

    static Credentials of(Exchange exchange) {
        Optional<String> header = exchange.header("Authorization");
        if (header.isEmpty()) {
            return new None();
        }
        String value = header.get().trim();
        int space = value.indexOf(' ');
        if (space < 0) {
            return new Malformed();
        }
        String scheme = value.substring(0, space).toLowerCase(Locale.ROOT);
        String rest = value.substring(space + 1).trim();
        return switch (scheme) {
            case "basic" -> basic(rest);
            case "bearer" -> rest.isEmpty() || rest.length() > 16_384 ? new Malformed() : new Bearer(rest);
            default -> new Malformed();
        };
    }

    private static Credentials basic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return new Malformed();
            }
            return new Basic(decoded.substring(0, colon), decoded.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return new Malformed();
        }
    }
}
