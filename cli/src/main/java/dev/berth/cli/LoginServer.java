package dev.berth.cli;

import java.net.URI;
import java.net.URISyntaxException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A registry's login server as clients name it, {@code HOST[:PORT]} ({@code 127.0.0.1:5000}, {@code
 * registry.example.com}, {@code [::1]:5000}): the key of its entry in a Docker configuration file and the audience
 * of its tokens. It carries no scheme, since that is the command's choice ({@code --insecure}).
 */
record LoginServer(String value) {
    LoginServer {
        if (value.isEmpty() || value.contains("://") || !value.equals(value.strip())) {
            throw new IllegalArgumentException(invalid(value));
        }
        URI uri;
        try {
            uri = new URI("https://" + value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(invalid(value), e);
        }
        if (uri.getHost() == null
                || uri.getRawUserInfo() != null
                || !uri.getRawPath().isEmpty()
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(invalid(value));
        }
    }

    /** The URI of a path on the server under the scheme. */
    URI uri(String scheme, String path) {
        return URI.create(scheme + "://" + value + path);
    }

    @Override
    public String toString() {
        return value;
    }

    private static String invalid(String value) {
        return "'" + value + "' is not a login server: give HOST or HOST:PORT, without a scheme or path"
                + " (add --insecure for a registry on plain HTTP)";
    }

    /** Lets picocli take a {@code LoginServer} parameter, with the reason when it is malformed. */
    static final class Converter implements ITypeConverter<LoginServer> {
        @Override
        public LoginServer convert(String value) {
            try {
                return new LoginServer(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
