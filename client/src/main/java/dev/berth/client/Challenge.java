package dev.berth.client;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code WWW-Authenticate} challenge (RFC 7235): a scheme and its parameters, such as Docker's {@code Bearer
 * realm="https://auth.example/token",service="registry.example",scope="repository:app:pull"}. Quoted values may hold
 * commas and escaped quotes.
 */
record Challenge(String scheme, Map<String, String> parameters) {
    public Challenge {
        scheme = scheme.toLowerCase(Locale.ROOT);
        parameters = Map.copyOf(parameters);
    }

    /** Parses one header value; empty when it holds no scheme at all. */
    public static Optional<Challenge> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String text = header.strip();
        int space = text.indexOf(' ');
        String scheme = space < 0 ? text : text.substring(0, space);
        if (scheme.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Challenge(scheme, space < 0 ? Map.of() : parameters(text.substring(space + 1))));
    }

    public boolean isBearer() {
        return scheme.equals("bearer");
    }

    public boolean isBasic() {
        return scheme.equals("basic");
    }

    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    private static Map<String, String> parameters(String text) {
        Map<String, String> parameters = new LinkedHashMap<>();
        int i = 0;
        while (i < text.length()) {
            i = skip(text, i);
            int equals = text.indexOf('=', i);
            if (equals < 0) {
                break;
            }
            String name = text.substring(i, equals).strip().toLowerCase(Locale.ROOT);
            StringBuilder value = new StringBuilder();
            i = value(text, equals + 1, value);
            parameters.putIfAbsent(name, value.toString());
        }
        return parameters;
    }

    /** Reads a token or quoted string starting at {@code i}; returns the index after it. */
    private static int value(String text, int i, StringBuilder out) {
        if (i < text.length() && text.charAt(i) == '"') {
            int j = i + 1;
            while (j < text.length() && text.charAt(j) != '"') {
                if (text.charAt(j) == '\\' && j + 1 < text.length()) {
                    j++;
                }
                out.append(text.charAt(j++));
            }
            return j + 1;
        }
        int comma = text.indexOf(',', i);
        int end = comma < 0 ? text.length() : comma;
        out.append(text.substring(i, end).strip());
        return end;
    }

    private static int skip(String text, int i) {
        while (i < text.length() && (text.charAt(i) == ',' || Character.isWhitespace(text.charAt(i)))) {
            i++;
        }
        return i;
    }
}
