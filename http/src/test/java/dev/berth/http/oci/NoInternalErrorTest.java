package dev.berth.http.oci;

import static dev.berth.http.oci.TestImages.bytes;
import static dev.berth.http.oci.TestImages.randomBytes;
import static dev.berth.http.oci.TestImages.uniqueRepository;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.http.oci.TestImages.Pushed;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every endpoint, with every method, odd headers and odd bodies, on one kept-alive connection: whatever the answer,
 * it is a client error or a success, never a 500, and the connection is still good for the next request.
 */
class NoInternalErrorTest {
    private static final String[] METHODS = {"GET", "HEAD", "PUT", "POST", "PATCH", "DELETE"};
    private static final String[][] HEADERS = {
        {},
        {"Content-Range", "0-18446744073709551615"},
        {"Content-Range", "bytes=-1-5"},
        {"Range", "bytes=0-0,-1"},
        {"Range", "bytes=18446744073709551616-"},
        {"Accept", ",,;q=x;;"},
        {"Content-Type", ";"},
        {"Content-Type", TestImages.OCI_INDEX},
        {"Content-Type", "application/vnd.docker.distribution.manifest.v1+json"},
    };
    private static final byte[][] BODIES = {
        new byte[0],
        bytes("{}"),
        bytes("null"),
        bytes("[]"),
        bytes("{\"schemaVersion\":2,\"manifests\":[{}]}"),
        bytes("[".repeat(5000)),
        bytes("{\"schemaVersion\":2,\"config\":{\"digest\":\"sha256:\",\"size\":1e400}}"),
        randomBytes(100),
    };

    @RegisterExtension
    static final RegistryServer server = RegistryServer.create();

    private final RegistryClient client = server.client();

    @Test
    void noRequestToAnyEndpointAnswers500OrDropsTheConnection() {
        String repository = uniqueRepository("fuzz");
        Pushed image = client.pushImage(repository, "latest");
        List<String> failures = new ArrayList<>();
        int i = 0;
        String previous = "";
        for (String path : paths(repository, image)) {
            for (String method : METHODS) {
                for (String[] headers : HEADERS) {
                    byte[] body = BODIES[i++ % BODIES.length];
                    String request = method + " " + path + " " + String.join(": ", headers) + " body " + body.length;
                    try {
                        Reply reply = client.send(method, path, BodyPublishers.ofByteArray(body), headers);
                        if (reply.status() >= 500) {
                            failures.add(request + " -> " + reply.status());
                        }
                    } catch (UncheckedIOException e) {
                        failures.add(previous + " THEN " + request + " -> " + e.getCause());
                    }
                    previous = request;
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private List<String> paths(String repository, Pushed image) {
        String prefix = "/v2/" + repository;
        return List.of(
                "/v2/",
                "/v2/_catalog?n=1&last=zz",
                prefix + "/tags/list?n=-0&last=",
                prefix + "/manifests/latest",
                prefix + "/manifests/" + image.digest(),
                prefix + "/manifests/other",
                prefix + "/blobs/" + image.digest(),
                prefix + "/blobs/uploads/?digest=" + image.digest(),
                prefix + "/blobs/uploads/?mount=" + image.digest() + "&from=" + repository,
                prefix + "/blobs/uploads/?mount=x&from=y&digest=z",
                client.startUpload(repository),
                client.startUpload(repository) + "?digest=sha512:00",
                prefix + "/referrers/" + image.digest() + "?artifactType=x");
    }
}
