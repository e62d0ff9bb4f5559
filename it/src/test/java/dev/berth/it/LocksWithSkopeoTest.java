package dev.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ACR's changeable attributes, set through {@code /acr/v1}, as skopeo meets them: a write-locked tag refuses a copy
 * over it and a delete, a read-locked index refuses an inspect, an unlisted tag leaves {@code list-tags}; and a pull
 * shows as the tag's {@code lastPulledTime}.
 */
@Timeout(120)
class LocksWithSkopeoTest {
    @RegisterExtension
    static final EmbeddedBerth berth = EmbeddedBerth.create();

    private final RegistryClient registry = berth.client();
    private final OciLayout multiarch = TestImages.multiarch();

    @Test
    void aWriteLockedTagRefusesACopyOverItAndADelete() {
        String repository = pushMultiarch("locks/write");
        patch("/acr/v1/" + repository + "/_tags/1", "{\"writeEnabled\":false}");

        Command.Result copy = Skopeo.attempt(
                "copy", "--all", "--dest-tls-verify=false", multiarch.reference(), berth.docker(repository + ":1"));
        Command.Result delete = Skopeo.attempt("delete", "--tls-verify=false", berth.docker(repository + ":1"));

        assertNotEquals(0, copy.exitCode(), copy.toString());
        assertTrue(copy.stderr().contains("writeEnabled is false"), copy.stderr());
        assertNotEquals(0, delete.exitCode(), delete.toString());
        registry.manifest(repository, "1").expect(200);
    }

    @Test
    void aReadLockedIndexCannotBeInspectedButItsMetadataCan() {
        String repository = pushMultiarch("locks/read");
        patch("/acr/v1/" + repository + "/_manifests/" + multiarch.top().digest(), "{\"readEnabled\":false}");

        Command.Result inspect =
                Skopeo.attempt("inspect", "--raw", "--tls-verify=false", berth.docker(repository + ":1"));

        assertNotEquals(0, inspect.exitCode(), inspect.toString());
        registry.get("/acr/v1/" + repository + "/_manifests/" + multiarch.top().digest())
                .expect(200);
    }

    @Test
    void anUnlistedTagIsLeftOutOfListTags() {
        String repository = pushMultiarch("locks/list");
        Skopeo.run(
                "copy",
                "--all",
                "--src-tls-verify=false",
                "--dest-tls-verify=false",
                berth.docker(repository + ":1"),
                berth.docker(repository + ":2"));
        patch("/acr/v1/" + repository + "/_tags/1", "{\"listEnabled\":false}");

        JsonDoc tags = JsonDoc.parse(Skopeo.run("list-tags", "--tls-verify=false", berth.docker(repository))
                .stdout());

        assertEquals(List.of("2"), tags.strings("Tags"));
    }

    @Test
    void anInspectShowsAsTheTagsLastPulledTime() {
        String repository = pushMultiarch("locks/pulled");
        String path = "/acr/v1/" + repository + "/_tags/1";
        assertTrue(tag(path).text("lastPulledTime") == null);

        Skopeo.run("inspect", "--raw", "--tls-verify=false", berth.docker(repository + ":1"));

        assertTrue(tag(path).text("lastPulledTime") != null);
    }

    private JsonDoc tag(String path) {
        return JsonDoc.parse(registry.get(path).expect(200).body()).object("tag");
    }

    private void patch(String path, String json) {
        registry.patch(path, json.getBytes(StandardCharsets.UTF_8)).expect(200);
    }

    /** Pushes the multi-arch layout with {@code copy --all} as {@code <unique repository>:1}. */
    private String pushMultiarch(String prefix) {
        String repository = Names.unique(prefix);
        Skopeo.run("copy", "--all", "--dest-tls-verify=false", multiarch.reference(), berth.docker(repository + ":1"));
        return repository;
    }
}
