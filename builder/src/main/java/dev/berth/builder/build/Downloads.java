package dev.berth.builder.build;

import dev.berth.core.egress.Egress;
import dev.berth.core.egress.OutboundHttp;
import dev.berth.core.egress.OutboundRequest;
import dev.berth.core.egress.OutboundResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/** {@code ADD https://...}: the file fetched over HTTP(S) into the build's work directory. */
final class Downloads {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(1);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

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
     * Downloads the URL and gives the file mode 0600, as Docker's ADD does. The download and each redirect go out
     * through the egress, whose policy refuses loopback, link-local and Berth's own addresses (unless the
     * installation allows them), with the policy's message.
     */
    static Path fetch(String url, Path workDir, Egress egress) throws IOException {
        URI uri = URI.create(url);
        Path target = Files.createTempFile(workDir, "download-", ".part");
        OutboundRequest request =
                OutboundRequest.get(uri).withTimeouts(TIMEOUT, IDLE_TIMEOUT).followingRedirects();
        try (OutboundHttp http = egress.http(Egress.Options.connectingWithin(CONNECT_TIMEOUT));
                OutboundResponse response = http.send(request)) {
            if (response.status() / 100 != 2) {
                throw new IllegalArgumentException(
                        "downloading " + redacted(uri) + " failed: HTTP " + response.status());
            }
            Files.copy(response.body(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (InterruptedIOException e) {
            throw new IOException("interrupted while downloading " + redacted(uri), e);
        } catch (IOException e) {
            String reason =
                    e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new IllegalArgumentException("downloading " + redacted(uri) + " failed: " + reason);
        }
        Files.setPosixFilePermissions(target, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        return target;
    }

    /** The URL without its user information, for messages. */
    static String redacted(URI uri) {
        return uri.getUserInfo() == null ? uri.toString() : uri.toString().replace(uri.getRawUserInfo() + "@", "");
    }
}
