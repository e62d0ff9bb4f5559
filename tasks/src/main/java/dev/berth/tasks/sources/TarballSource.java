package dev.berth.tasks.sources;

import dev.berth.core.egress.Egress;
import dev.berth.core.egress.OutboundHttp;
import dev.berth.core.egress.OutboundRequest;
import dev.berth.core.egress.OutboundResponse;
import dev.berth.core.runs.FailureText;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Downloads a tarball (tar or tar.gz) over http(s) through the egress, redirects followed (each checked by its
 * policy), and extracts it, up to a size limit.
 */
final class TarballSource {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    private TarballSource() {}

    static void fetch(String url, Path dir, long limit, Egress egress) throws IOException {
        OutboundRequest request = OutboundRequest.get(URI.create(url))
                .withTimeouts(TIMEOUT, TIMEOUT)
                .followingRedirects();
        try (OutboundHttp http = egress.http(Egress.Options.connectingWithin(CONNECT_TIMEOUT));
                OutboundResponse response = http.send(request)) {
            if (response.status() != 200) {
                throw new SourceException("downloading " + url + " answered HTTP " + response.status());
            }
            SafeTar.extract(new LimitedStream(response.body(), limit), dir);
        } catch (SourceException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            throw new SourceException("cannot download " + url + ": " + FailureText.describe(e), e);
        }
    }
}
