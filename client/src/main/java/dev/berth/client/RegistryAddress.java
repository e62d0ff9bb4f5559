package dev.berth.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * A registry's address as people write it ({@code mcr.microsoft.com}, {@code 127.0.0.1:5000}, {@code
 * http://127.0.0.1:5000}, {@code docker.io}) turned into the base URI of its API. Without a scheme, HTTPS is meant.
 * Docker Hub is a special case twice over: its API lives at {@code registry-1.docker.io}, and its official images
 * are named {@code library/<name>} though people write {@code <name>}.
 */
public record RegistryAddress(URI uri) {
    private static final Set<String> DOCKER_HUB_NAMES =
            Set.of("docker.io", "index.docker.io", "registry.hub.docker.com");
    private static final String DOCKER_HUB_API = "registry-1.docker.io";

    public RegistryAddress {
        if (uri.getHost() == null
                || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
            throw new IllegalArgumentException("not a registry address: " + uri);
        }
    }

    /** Parses {@code [scheme://]host[:port][/]}; anything else (a path, a query, credentials) is refused. */
    public static RegistryAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a registry address is required");
        }
        String trimmed = text.trim();
        String withScheme = trimmed.contains("://") ? trimmed : "https://" + trimmed;
        URI uri;
        try {
            uri = new URI(withScheme);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a registry address: " + text);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean bare = (uri.getPath() == null
                        || uri.getPath().isEmpty()
                        || uri.getPath().equals("/"))
                && uri.getRawQuery() == null
                && uri.getRawFragment() == null
                && uri.getRawUserInfo() == null;
        if (uri.getHost() == null || !bare || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException(
                    "a registry address is [https:// or http://]host[:port], not " + text.trim());
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (DOCKER_HUB_NAMES.contains(host)) {
            host = DOCKER_HUB_API;
        }
        return new RegistryAddress(URI.create(scheme + "://" + hostPort(host, uri.getPort())));
    }

    public boolean isDockerHub() {
        return DOCKER_HUB_API.equals(uri.getHost());
    }

    /** The host and port, as a registry's clients name it. */
    public String authority() {
        return hostPort(uri.getHost(), uri.getPort());
    }

    /** The repository as the registry's API names it: Docker Hub's official images get their {@code library/}. */
    public String repositoryPath(String repository) {
        return isDockerHub() && repository.indexOf('/') < 0 ? "library/" + repository : repository;
    }

    private static String hostPort(String host, int port) {
        String h = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        return port < 0 ? h : h + ":" + port;
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
