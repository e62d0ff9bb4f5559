package dev.berth.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.imports.ImportRequest;
import dev.berth.core.imports.ImportResult;
import dev.berth.core.imports.ImportSource;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Importing into Berth, server-side, as ARM's importImage will: from CNCF Distribution (content pushed there by
 * skopeo), from a Berth that wants credentials, and from another registry of the same installation; each result read
 * back with skopeo and checked blob by blob.
 */
@Timeout(300)
class ImportTest {
    private static final String SOURCE_PASSWORD = "source-secret";

    @RegisterExtension
    static final Distribution distribution = new Distribution();

    @RegisterExtension
    static final EmbeddedBerth berth =
            EmbeddedBerth.create(Map.of("imports.insecureRegistries", "127.0.0.1", "imports.timeout", "3s"));

    @RegisterExtension
    static final EmbeddedBerth securedSource = EmbeddedBerth.withAuth(SOURCE_PASSWORD);

    @TempDir
    Path dir;

    private final RegistryClient registry = berth.client();
    private final OciLayout multiarch = TestImages.multiarch();
    private final OciLayout busybox = TestImages.busybox();

    @Test
    void anIndexFromDistributionArrivesWithEveryPlatform() throws IOException {
        String source = pushToDistribution(multiarch, "dist/multi");
        String target = Names.unique("imported/multi");

        ImportResult result = importImage(fromDistribution(), source + ":1", List.of(target + ":1"), "NoForce");

        assertEquals(multiarch.top().digest(), result.digest().toString());
        assertEquals(3, result.manifests());
        assertArrayEquals(multiarch.topBytes(), rawManifest(target + ":1"));
        assertEquals(
                "arm64",
                inspect("--override-arch", "arm64", berth.docker(target + ":1")).text("Architecture"));
        assertEquals("amd64", inspect(berth.docker(target + ":1")).text("Architecture"));
        new ImageCheck(registry).verify(target, "1");
        assertCopiesOutAsTheLayout(target + ":1", multiarch);
    }

    @Test
    void byDigestTheIndexOrOnePlatformCanBeImported() throws IOException {
        String source = pushToDistribution(multiarch, "dist/pinned");
        String pinned = Names.unique("pinned/multi");
        String single = Names.unique("pinned/arm64");
        Descriptor arm64 = Descriptor.referencedBy(multiarch.topBytes()).stream()
                .filter(d -> "arm64".equals(d.architecture()))
                .findFirst()
                .orElseThrow();

        importImage(fromDistribution(), source + "@" + multiarch.top().digest(), List.of(pinned + ":v1"), null);
        ImportResult one = berth.imports()
                .importImage(
                        defaultRegistry(),
                        ImportRequest.of(
                                fromDistribution(), source + "@" + arm64.digest(), null, List.of(single), null));

        assertArrayEquals(multiarch.topBytes(), rawManifest(pinned + ":v1"));
        assertTrue(one.tags().isEmpty());
        assertEquals(arm64.digest(), one.digest().toString());
        new ImageCheck(registry).verify(single, arm64.digest());
        assertEquals(
                "arm64",
                inspect("--override-arch", "arm64", berth.docker(single + "@" + arm64.digest()))
                        .text("Architecture"));
    }

    @Test
    void aSecuredBerthIsReadWithTheCredentialsGiven() throws IOException {
        String source = Names.unique("secured/busybox");
        Skopeo.run(
                "copy",
                "--dest-tls-verify=false",
                "--dest-creds",
                "admin:" + SOURCE_PASSWORD,
                busybox.reference(),
                securedSource.docker(source + ":1"));
        String target = Names.unique("from-secured/busybox");

        importImage(
                ImportSource.of(securedSource.host(), null, "admin", SOURCE_PASSWORD),
                source + ":1",
                List.of(target + ":1"),
                null);
        RegistryException wrong = assertImportFails(
                ErrorCode.IMPORT_SOURCE_DENIED,
                ImportSource.of(securedSource.host(), null, "admin", "wrong-password"),
                source + ":1");
        assertImportFails(
                ErrorCode.IMPORT_SOURCE_DENIED, ImportSource.of(securedSource.host(), null, null, null), source + ":1");

        assertArrayEquals(busybox.topBytes(), rawManifest(target + ":1"));
        new ImageCheck(registry).verify(target, "1");
        assertTrue(wrong.getMessage().contains("admin"), wrong.getMessage());
        assertFalse(wrong.getMessage().contains("wrong-password"), wrong.getMessage());
    }

    @Test
    void noForceKeepsATagThatPointsElsewhereAndForceMovesIt() throws IOException {
        String single = pushToDistribution(busybox, "dist/single");
        String multi = pushToDistribution(multiarch, "dist/multi-force");
        String target = Names.unique("forced/app");
        importImage(fromDistribution(), single + ":1", List.of(target + ":1"), null);

        RegistryException refused = assertThrows(
                RegistryException.class,
                () -> importImage(fromDistribution(), multi + ":1", List.of(target + ":1"), "NoForce"));
        byte[] kept = rawManifest(target + ":1");
        importImage(fromDistribution(), multi + ":1", List.of(target + ":1"), "Force");

        assertEquals(ErrorCode.TAG_CONFLICT, refused.code());
        assertArrayEquals(busybox.topBytes(), kept);
        assertArrayEquals(multiarch.topBytes(), rawManifest(target + ":1"));
        new ImageCheck(registry).verify(target, "1");
    }

    @Test
    void anotherRegistryOfTheInstallationIsLinkedNotCopied() throws IOException {
        RegistryRecord staging = berth.createRegistry("staging");
        String source = pushToDistribution(multiarch, "dist/staged");
        berth.imports()
                .importImage(
                        staging, ImportRequest.of(fromDistribution(), source + ":1", List.of("app:1"), null, null));
        String target = Names.unique("promoted/app");

        ImportResult promoted = importImage(
                ImportSource.of(null, "/subscriptions/s/resourceGroups/g/registries/staging", null, null),
                "app:1",
                List.of(target + ":1"),
                null);

        assertEquals(0, promoted.blobsCopied());
        assertEquals(0, promoted.bytesCopied());
        assertTrue(promoted.blobsLinked() > 0);
        assertArrayEquals(multiarch.topBytes(), rawManifest(target + ":1"));
        new ImageCheck(registry).verify(target, "1");
        registry.manifest("app", "1").expect(404);
    }

    @Test
    void anUnknownImageOrAnUnreachableSourceIsAClearErrorAtOnce() throws IOException {
        RegistryException unknown =
                assertImportFails(ErrorCode.IMPORT_SOURCE_UNKNOWN, fromDistribution(), "dist/none:1");
        RegistryException refused = assertImportFails(
                ErrorCode.IMPORT_SOURCE_UNAVAILABLE, ImportSource.of(closedPort(), null, null, null), "a:1");

        assertTrue(unknown.getMessage().contains("dist/none:1"), unknown.getMessage());
        assertTrue(refused.getMessage().contains("connection refused"), refused.getMessage());
    }

    @Test
    void aSourceThatNeverAnswersTimesOut() throws Exception {
        try (ServerSocket blackHole = new ServerSocket(0)) {
            List<Socket> held = new CopyOnWriteArrayList<>();
            Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        held.add(blackHole.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            Instant start = Instant.now();

            RegistryException e = assertImportFails(
                    ErrorCode.IMPORT_SOURCE_UNAVAILABLE,
                    ImportSource.of("127.0.0.1:" + blackHole.getLocalPort(), null, null, null),
                    "a:1");

            assertTrue(e.getMessage().contains("timed out"), e.getMessage());
            assertTrue(Duration.between(start, Instant.now()).toSeconds() < 20, "imports.timeout is 3s");
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    private String pushToDistribution(OciLayout layout, String prefix) {
        String repository = Names.unique(prefix);
        Skopeo.run(
                "copy", "--all", "--dest-tls-verify=false", layout.reference(), distribution.docker(repository + ":1"));
        return repository;
    }

    private ImportResult importImage(ImportSource source, String image, List<String> targetTags, String mode)
            throws IOException {
        return berth.imports().importImage(defaultRegistry(), ImportRequest.of(source, image, targetTags, null, mode));
    }

    private RegistryException assertImportFails(ErrorCode code, ImportSource source, String image) {
        RegistryException e =
                assertThrows(RegistryException.class, () -> importImage(source, image, List.of("failed/app:1"), null));
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    private ImportSource fromDistribution() {
        return ImportSource.of(distribution.host(), null, null, null);
    }

    private RegistryRecord defaultRegistry() throws IOException {
        return berth.registry("default");
    }

    private byte[] rawManifest(String reference) {
        return Skopeo.run("inspect", "--raw", "--tls-verify=false", berth.docker(reference))
                .stdout();
    }

    private JsonDoc inspect(String... args) {
        List<String> all = new ArrayList<>(List.of("--tls-verify=false"));
        all.addAll(List.of(args));
        return JsonDoc.parse(Skopeo.run("inspect", all.toArray(String[]::new)).stdout());
    }

    private void assertCopiesOutAsTheLayout(String reference, OciLayout expected) {
        OciLayout back = new OciLayout(dir.resolve("back"));
        Skopeo.run("copy", "--all", "--src-tls-verify=false", berth.docker(reference), back.reference());
        assertEquals(expected.top().digest(), back.top().digest());
        Map<String, byte[]> want = expected.blobs();
        Map<String, byte[]> got = back.blobs();
        assertEquals(want.keySet(), got.keySet());
        want.forEach((digest, bytes) -> assertArrayEquals(bytes, got.get(digest), digest));
    }

    private static String closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "127.0.0.1:" + socket.getLocalPort();
        }
    }
}
