package dev.berth.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tests' own view of a registry through the OCI Distribution API, on {@link HttpClient} over HTTP/1.1: plain
 * requests by method, plus manifest, blob and listing reads. A failed connection is an {@link UncheckedIOException}.
 * A request refused with 429 is sent again after its {@code Retry-After}, as Docker clients do: Berth throttles at
 * its tiers' request rates, and the load tests push faster than those.
 */
final class RegistryClient {
    static final String MANIFEST_TYPES = String.join(
            ", ",
            "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.oci.image.index.v1+json",
            "application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.docker.distribution.manifest.list.v2+json");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_THROTTLED = 60;
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"?next\"?");

    private final URI base;
    private final HttpClient http;

    RegistryClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    Reply get(String path, String... headers) {
        return send("GET", path, BodyPublishers.noBody(), headers);
    }

    Reply head(String path) {
        return send("HEAD", path, BodyPublishers.noBody());
    }

    Reply post(String path, byte[] body, String... headers) {
        return send("POST", path, BodyPublishers.ofByteArray(body), headers);
    }

    Reply put(String path, byte[] body, String... headers) {
        return send("PUT", path, BodyPublishers.ofByteArray(body), headers);
    }

    Reply patch(String path, byte[] body, String... headers) {
        return send("PATCH", path, BodyPublishers.ofByteArray(body), headers);
    }

    /** GETs a manifest by tag or digest, accepting every schema-2 and OCI kind. */
    Reply manifest(String repository, String reference) {
        return get("/v2/" + repository + "/manifests/" + reference, "Accept", MANIFEST_TYPES);
    }

    Reply blob(String repository, String digest) {
        return get("/v2/" + repository + "/blobs/" + digest);
    }

    /** Every tag of the repository, following {@code Link} pages. */
    List<String> tags(String repository) {
        return listing("/v2/" + repository + "/tags/list", "tags");
    }

    /** Every repository of the registry, following {@code Link} pages. */
    List<String> catalog() {
        return listing("/v2/_catalog", "repositories");
    }

    private List<String> listing(String path, String field) {
        List<String> items = new ArrayList<>();
        for (String next = path; next != null; ) {
            Reply reply = get(next).expect(200);
            items.addAll(JsonDoc.parse(reply.body()).strings(field));
            next = nextPage(reply.header("Link"));
        }
        return items;
    }

    private static String nextPage(String link) {
        if (link == null) {
            return null;
        }
        Matcher matcher = NEXT.matcher(link);
        return matcher.find() ? matcher.group(1) : null;
    }

    Reply send(String method, String path, BodyPublisher body, String... headers) {
        for (int throttled = 0; ; throttled++) {
            Reply reply = sendOnce(method, path, body, headers);
            if (reply.status() != 429 || throttled == MAX_THROTTLED) {
                return reply;
            }
            waitOut(reply);
        }
    }

    private static void waitOut(Reply throttled) {
        String retryAfter = throttled.header("Retry-After");
        try {
            Thread.sleep(Duration.ofSeconds(retryAfter == null ? 1 : Long.parseLong(retryAfter)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while throttled", e);
        }
    }

    private Reply sendOnce(String method, String path, BodyPublisher body, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).method(method, body);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            var response = http.send(request.build(), BodyHandlers.ofByteArray());
            return new Reply(method + " " + path, response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + path, e);
        }
    }
}
