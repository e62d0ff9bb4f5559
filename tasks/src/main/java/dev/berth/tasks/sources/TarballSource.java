package dev.berth.tasks.sources;

import dev.berth.core.runs.FailureText;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** Downloads a tarball (tar or tar.gz) over http(s) and extracts it, up to a size limit. */
final class TarballSource {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private TarballSource() {}

    static void fetch(String url, Path dir, long limit) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).GET().build();
        try (HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(CONNECT_TIMEOUT)
                .build()) {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new SourceException("downloading " + url + " answered HTTP " + response.statusCode());
                }
                SafeTar.extract(new LimitedStream(body, limit), dir);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException("interrupted while downloading " + url);
        } catch (SourceException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            throw new SourceException("cannot download " + url + ": " + FailureText.describe(e), e);
        }
    }
}
