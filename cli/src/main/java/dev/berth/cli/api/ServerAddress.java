package dev.berth.cli.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a Berth server answers: {@code HOST[:PORT]}, or a URL {@code http://HOST[:PORT]} or {@code
 * https://HOST[:PORT]} with nothing after the authority but an optional slash. Without a scheme the client picks
 * one as {@code berth login} does: verified HTTPS, or with {@code --insecure} any HTTPS and then plain HTTP.
 *
 * @param scheme {@code http} or {@code https}, or empty when the address named none
 * @param authority {@code HOST[:PORT]}
 */
public record ServerAddress(Optional<String> scheme, String authority) {
    public ServerAddress {
        scheme.ifPresent(s -> {
            if (!s.equals("http") && !s.equals("https")) {
                throw new IllegalArgumentException("the scheme must be http or https, not " + s);
            }
        });
        check(authority);
    }

    /** The address as a user writes it. */
    public static ServerAddress parse(String text) {
        String value = text.strip();
        int separator = value.indexOf("://");
        if (separator < 0) {
            return new ServerAddress(Optional.empty(), value);
        }
        String scheme = value.substring(0, separator).toLowerCase(Locale.ROOT);
        String rest = value.substring(separator + 3);
        return new ServerAddress(Optional.of(scheme), rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest);
    }

    /** The URI of a path (with its query) under the scheme. */
    URI uri(String scheme, String pathAndQuery) {
        return URI.create(scheme + "://" + authority + pathAndQuery);
    }

    @Override
    public String toString() {
        return scheme.map(s -> s + "://" + authority).orElse(authority);
    }

    private static void check(String authority) {
        String invalid = "'" + authority + "' is not a server address: give HOST[:PORT] or http(s)://HOST[:PORT]";
        URI uri;
        try {
            uri = new URI("https://" + authority);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(invalid, e);
        }
        if (authority.isEmpty()
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || !uri.getRawPath().isEmpty()
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(invalid);
        }
    }
}
