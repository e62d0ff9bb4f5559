package dev.berth.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** skopeo 1.9 copying, inspecting, listing and deleting the multi-arch test index in Berth. */
@Timeout(120)
class SkopeoTest {
    @RegisterExtension
    static final EmbeddedBerth berth = EmbeddedBerth.create();

    @RegisterExtension
    final AccessLog accessLog = AccessLog.create();

    private final RegistryClient registry = berth.client();
    private final OciLayout multiarch = TestImages.multiarch();

    @Test
    void copyingAnIndexWithAllKeepsItsExactBytes() {
        String repository = pushMultiarch("skopeo/multi");

        byte[] raw = Skopeo.run("inspect", "--raw", "--tls-verify=false", berth.docker(repository + ":1"))
                .stdout();

        assertArrayEquals(multiarch.topBytes(), raw);
        assertEquals(multiarch.top().digest(), Digests.sha256(raw));
        new ImageCheck(registry).verify(repository, "1");
    }

    @Test
    void inspectResolvesTheIndexToThePlatformAskedFor() {
        String repository = pushMultiarch("skopeo/platforms");

        JsonDoc amd64 = inspect("--tls-verify=false", berth.docker(repository + ":1"));
        JsonDoc arm64 = inspect("--tls-verify=false", "--override-arch", "arm64", berth.docker(repository + ":1"));

        assertEquals("amd64", amd64.text("Architecture"));
        assertEquals("arm64", arm64.text("Architecture"));
        assertEquals(multiarch.top().digest(), arm64.text("Digest"));
        assertEquals(List.of("1"), arm64.strings("RepoTags"));
    }

    @Test
    void listTagsShowsEveryTagPushed() {
        String repository = pushMultiarch("skopeo/tags");
        Skopeo.run(
                "copy",
                "--all",
                "--src-tls-verify=false",
                "--dest-tls-verify=false",
                berth.docker(repository + ":1"),
                berth.docker(repository + ":2"));

        JsonDoc tags = JsonDoc.parse(Skopeo.run("list-tags", "--tls-verify=false", berth.docker(repository))
                .stdout());

        assertEquals(List.of("1", "2"), tags.strings("Tags").stream().sorted().toList());
    }

    @Test
    void copyingBackToALayoutGivesTheSameBlobs(@TempDir Path out) {
        String repository = pushMultiarch("skopeo/back");
        OciLayout back = new OciLayout(out.resolve("back"));

        Skopeo.run("copy", "--all", "--src-tls-verify=false", berth.docker(repository + ":1"), back.reference());

        assertEquals(multiarch.top().digest(), back.top().digest());
        Map<String, byte[]> expected = multiarch.blobs();
        Map<String, byte[]> actual = back.blobs();
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((digest, bytes) -> assertArrayEquals(bytes, actual.get(digest), digest));
        actual.forEach((digest, bytes) -> assertEquals(digest, Digests.sha256(bytes)));
    }

    @Test
    void deletingByTagRemovesTheManifestAndEveryTagOnIt() {
        String repository = pushMultiarch("skopeo/delete");
        Skopeo.run(
                "copy",
                "--all",
                "--src-tls-verify=false",
                "--dest-tls-verify=false",
                berth.docker(repository + ":1"),
                berth.docker(repository + ":also"));

        Skopeo.run("delete", "--tls-verify=false", berth.docker(repository + ":1"));

        JsonDoc tags = JsonDoc.parse(Skopeo.run("list-tags", "--tls-verify=false", berth.docker(repository))
                .stdout());
        assertEquals(List.of(), tags.strings("Tags"));
        registry.manifest(repository, multiarch.top().digest()).expect(404);
    }

    @Test
    void copyingBetweenRepositoriesMountsTheLayerInsteadOfUploadingIt() {
        String source = pushMultiarch("skopeo/source");
        String target = Names.unique("skopeo/target");

        Skopeo.run(
                "copy",
                "--all",
                "--src-tls-verify=false",
                "--dest-tls-verify=false",
                berth.docker(source + ":1"),
                berth.docker(target + ":1"));

        ImageCheck check = new ImageCheck(registry);
        check.assertServes(target, "1", multiarch.topBytes());
        check.verify(target, "1");
        // skopeo never uploads a blob in one POST, so a POST answered 201 is a mount.
        String uploads = "/v2/" + target + "/blobs/uploads/";
        assertTrue(
                accessLog.requests().stream()
                        .anyMatch(r -> r.method().equals("POST") && r.path().equals(uploads) && r.status() == 201),
                () -> "no mount answered 201: " + accessLog.requests());
    }

    /** Pushes the multi-arch layout with {@code copy --all} as {@code <unique repository>:1}. */
    private String pushMultiarch(String prefix) {
        String repository = Names.unique(prefix);
        Skopeo.run("copy", "--all", "--dest-tls-verify=false", multiarch.reference(), berth.docker(repository + ":1"));
        return repository;
    }

    private static JsonDoc inspect(String... args) {
        return JsonDoc.parse(Skopeo.run("inspect", args).stdout());
    }
}
