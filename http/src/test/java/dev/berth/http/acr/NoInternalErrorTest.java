package dev.berth.http.acr;

import static dev.berth.http.acr.AcrClient.uniqueRepository;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every route of the metadata API, with every method and odd bodies and queries: a client error or a success, never a 500. */
class NoInternalErrorTest {
    private static final String[] METHODS = {"GET", "HEAD", "PUT", "POST", "PATCH", "DELETE", "OPTIONS"};
    private static final String[] BODIES = {
        "", "{}", "null", "[]", "{\"deleteEnabled\":false}", "{\"x\":", "[".repeat(5000), "{\"readEnabled\":{}}"
    };

    @RegisterExtension
    static final AcrServer server = new AcrServer();

    private final AcrClient client = server.client();

    @Test
    void noRequestAnswers500() {
        String repository = uniqueRepository("fuzz");
        AcrClient.Image image = client.pushImage(repository, "v1");
        List<String> failures = new ArrayList<>();
        int i = 0;
        for (String path : paths(repository, image)) {
            for (String method : METHODS) {
                String body = BODIES[i++ % BODIES.length];
                String request = method + " " + path + " body " + body.length();
                try {
                    Reply reply = client.send(method, path, AcrClient.bytes(body));
                    if (reply.status() >= 500) {
                        failures.add(request + " -> " + reply.status() + " " + reply.text());
                    }
                } catch (UncheckedIOException e) {
                    failures.add(request + " -> " + e.getCause());
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static List<String> paths(String repository, AcrClient.Image image) {
        String base = "/acr/v1/" + repository;
        return List.of(
                "/acr/v1",
                "/acr/v1/",
                "/acr/v1/_catalog?n=1&last=zz&orderby=x",
                "/acr/v1/_catalog?n=99999999999",
                base,
                base + "/",
                base + "/_tags?n=-0&last=&orderby=timedesc&digest=sha256:00",
                base + "/_tags?n=1&last=nope&orderby=timeasc",
                base + "/_tags/v1",
                base + "/_tags/v1/extra",
                base + "/_tags/" + "t".repeat(200),
                base + "/_manifests?n=1&last=sha256:zz&orderby=timedesc",
                base + "/_manifests/" + image.digest(),
                base + "/_manifests/sha512:00",
                base + "/_manifests/" + image.digest() + "/x",
                "/acr/v1/Bad_Name/_tags",
                "/acr/v1/a//b",
                "/api/registries/default/acr/v1/" + repository + "/_tags/v1",
                "/api/registries//acr/v1/_catalog",
                "/api/registries/" + "r".repeat(300) + "/acr/v1/_catalog");
    }
}
