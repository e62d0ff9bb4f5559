package dev.berth.builder.build;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** {@code ADD https://...}: the file fetched over HTTP(S) into the build's work directory. */
final class Downloads {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private Downloads() {}

    static boolean isUrl(String source) {
        return source.startsWith("http://") || source.startsWith("https://");
    }

    /** The name the file gets in the image: the URL path's last segment, or {@code download} when it has none. */
    static String fileName(String url) {
        String path = URI.create(url).getPath();
        String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        return name.isEmpty() ? "download" : name;
    }

    /**
     * Downloads the URL and gives the file mode 0600, as Docker's ADD does. Without the host network, a URL whose
     * host is a loopback, link-local or wildcard address is refused, and redirects are not followed (they could lead
     * there).
     */
    static Path fetch(String url, Path workDir, boolean hostNetwork) throws IOException {
        URI uri = URI.create(url);
        if (!hostNetwork) {
            refuseLocal(uri);
        }
        Path target = Files.createTempFile(workDir, "download-", ".part");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
        try (HttpClient client = HttpClient.newBuilder()
                .followRedirects(hostNetwork ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(30))
                .build()) {
            HttpResponse<Path> response = client.send(request, HttpResponse.BodyHandlers.ofFile(target));
            if (response.statusCode() / 100 != 2) {
                throw new IllegalArgumentException(
                        "downloading " + redacted(uri) + " failed: HTTP " + response.statusCode());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + redacted(uri), e);
        } catch (IOException e) {
            String reason =
                    e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new IllegalArgumentException("downloading " + redacted(uri) + " failed: " + reason);
        }
        Files.setPosixFilePermissions(target, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        return target;
    }

    private static void refuseLocal(URI uri) {
        String host = uri.getHost();
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress()) {
                    throw new IllegalArgumentException("ADD " + redacted(uri) + " is refused: " + host
                            + " is a loopback or link-local address, which needs the network.host entitlement");
                }
            }
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("downloading " + redacted(uri) + " failed: unknown host " + host);
        }
    }

    /** The URL without its user information, for messages. */
    static String redacted(URI uri) {
        return uri.getUserInfo() == null ? uri.toString() : uri.toString().replace(uri.getRawUserInfo() + "@", "");
    }
}
