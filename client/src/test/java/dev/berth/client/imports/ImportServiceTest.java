package dev.berth.client.imports;

import static dev.berth.client.imports.Imported.assertHolds;
import static dev.berth.client.imports.Imported.assertTagged;
import static dev.berth.client.imports.Imported.hasManifest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.TestEgress;
import dev.berth.client.TestImages;
import dev.berth.client.TestRegistry;
import dev.berth.client.Trust;
import dev.berth.core.egress.EgressPolicy;
import dev.berth.core.egress.OwnAddresses;
import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.imports.ImportRequest;
import dev.berth.core.imports.ImportResult;
import dev.berth.core.imports.ImportService;
import dev.berth.core.imports.ImportSource;
import dev.berth.core.oci.RepositoryName;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.core.tier.Tier;
import dev.berth.egress.JettyEgress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Imports from a Berth reached over HTTP, and from another registry of the same installation, into a registry. */
@Timeout(60)
class ImportServiceTest {
    private static TestRegistry source;
    private static TestRegistry secured;
    private static TestRegistry target;
    private static ImportService imports;

    @BeforeAll
    static void start() throws Exception {
        source = TestRegistry.open();
        secured = TestRegistry.secured();
        target = TestRegistry.open();
        HttpImageSources remote = new HttpImageSources(
                new HttpImageSources.Settings(Trust.system(), List.of("127.0.0.1"), Duration.ofSeconds(5)),
                TestEgress.LOOPBACK);
        imports = new ImportService(target.dataPlane(), target.metadata().registries(), remote);
    }

    @AfterAll
    static void stop() throws Exception {
        target.close();
        secured.close();
        source.close();
    }

    @Test
    void importsAnIndexWithEveryPlatformUnderItsOwnNameAndTag() throws Exception {
        TestImages.Manifest index = TestImages.index("amd64", "arm64");
        source.push("multi/app", "1", index);

        ImportResult result = imports.importImage(target.registry(), request(source, "multi/app:1"));

        assertTagged(target, "multi/app", "1", index);
        assertEquals(index.digest(), result.digest());
        assertEquals(3, result.manifests());
        assertEquals(6, result.blobsCopied());
        assertEquals(
                index.allBlobs().stream().mapToLong(b -> b.content().length).sum(), result.bytesCopied());
    }

    @Test
    void importsByDigestUntaggedUnlessTargetsAreGiven() throws Exception {
        TestImages.Manifest image = TestImages.image("amd64");
        source.push("bydigest/app", "1", image);

        ImportResult untagged =
                imports.importImage(target.registry(), request(source, "bydigest/app@" + image.digest()));
        ImportResult tagged = imports.importImage(
                target.registry(),
                ImportRequest.of(
                        remote(source), "bydigest/app@" + image.digest(), List.of("pinned/app:v1"), null, null));

        assertEquals(List.of(new RepositoryName("bydigest/app")), untagged.repositories());
        assertTrue(untagged.tags().isEmpty());
        assertHolds(target, target.registry(), "bydigest/app", image);
        assertTagged(target, "pinned/app", "v1", image);
        assertEquals(image.digest(), tagged.digest());
    }

    @Test
    void copiesEachBlobOnceAndLinksItIntoTheOtherTargets() throws Exception {
        TestImages.Manifest image = TestImages.image("amd64");
        source.push("fanout/app", "1", image);

        ImportResult result = imports.importImage(
                target.registry(),
                ImportRequest.of(
                        remote(source),
                        "fanout/app:1",
                        List.of("fan/a:1", "fan/b:1", "fan/a:2"),
                        List.of("fan/c"),
                        ""));

        assertEquals(3, result.blobsCopied());
        assertEquals(0, result.blobsLinked(), "linking between targets does not count a blob twice");
        assertTagged(target, "fan/a", "1", image);
        assertTagged(target, "fan/a", "2", image);
        assertTagged(target, "fan/b", "1", image);
        assertHolds(target, target.registry(), "fan/c", image);
    }

    @Test
    void importingAgainMovesNoBytes() throws Exception {
        TestImages.Manifest index = TestImages.index("amd64", "arm64");
        source.push("again/app", "1", index);
        imports.importImage(target.registry(), request(source, "again/app:1"));

        ImportResult again = imports.importImage(target.registry(), request(source, "again/app:1"));

        assertEquals(0, again.blobsCopied());
        assertEquals(6, again.blobsPresent());
        assertEquals(0, again.bytesCopied());
    }

    @Test
    void noForceRefusesATagPointingElsewhereAndWritesNothing() throws Exception {
        TestImages.Manifest old = TestImages.image("amd64");
        TestImages.Manifest fresh = TestImages.image("amd64");
        target.push("conflict/app", "1", old);
        source.push("conflict/app", "1", fresh);

        RegistryException refused = assertThrows(
                RegistryException.class,
                () -> imports.importImage(target.registry(), request(source, "conflict/app:1")));

        assertEquals(ErrorCode.TAG_CONFLICT, refused.code());
        assertTrue(refused.getMessage().contains("conflict/app:1"), refused.getMessage());
        assertTagged(target, "conflict/app", "1", old);
        assertFalse(hasManifest(target, "conflict/app", fresh), "nothing of the refused import is written");
    }

    @Test
    void forceMovesTheTag() throws Exception {
        TestImages.Manifest old = TestImages.image("amd64");
        TestImages.Manifest fresh = TestImages.index("amd64", "arm64");
        target.push("forced/app", "1", old);
        source.push("forced/app", "1", fresh);

        imports.importImage(target.registry(), ImportRequest.of(remote(source), "forced/app:1", null, null, "Force"));

        assertTagged(target, "forced/app", "1", fresh);
    }

    @Test
    void noForceAcceptsATagAlreadyOnTheSameContent() throws Exception {
        TestImages.Manifest image = TestImages.image("amd64");
        source.push("same/app", "1", image);
        imports.importImage(target.registry(), request(source, "same/app:1"));

        ImportResult again = imports.importImage(target.registry(), request(source, "same/app:1"));

        assertEquals(image.digest(), again.digest());
    }

    @Test
    void signsInToASecuredSourceWithTheCredentialsGiven() throws Exception {
        TestImages.Manifest index = TestImages.index("amd64", "arm64");
        secured.push("private/app", "1", index);

        imports.importImage(
                target.registry(),
                ImportRequest.of(
                        ImportSource.of(secured.uri().toString(), null, "puller", "puller-pw"),
                        "private/app:1",
                        null,
                        null,
                        null));

        assertTagged(target, "private/app", "1", index);
    }

    @Test
    void aSourceRefusingTheCredentialsOrWantingSomeIsDenied() throws Exception {
        secured.push("private/refused", "1", TestImages.image("amd64"));

        RegistryException wrong = assertCode(
                ErrorCode.IMPORT_SOURCE_DENIED,
                ImportRequest.of(
                        ImportSource.of(secured.uri().toString(), null, "puller", "wrong-pw"),
                        "private/refused:1",
                        null,
                        null,
                        null));
        assertCode(ErrorCode.IMPORT_SOURCE_DENIED, request(secured, "private/refused:1"));

        assertTrue(wrong.getMessage().contains("puller"), wrong.getMessage());
        assertFalse(wrong.getMessage().contains("wrong-pw"), "the password never shows");
    }

    @Test
    void anImageTheSourceLacksIsUnknown() throws Exception {
        source.push("known/app", "1", TestImages.image("amd64"));

        RegistryException tag = assertCode(ErrorCode.IMPORT_SOURCE_UNKNOWN, request(source, "known/app:2"));
        assertCode(ErrorCode.IMPORT_SOURCE_UNKNOWN, request(source, "unknown/app:1"));

        assertTrue(tag.getMessage().contains("known/app:2"), tag.getMessage());
    }

    @Test
    void anUnreachableSourceFailsAtOnce() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        RegistryException e = assertCode(
                ErrorCode.IMPORT_SOURCE_UNAVAILABLE,
                ImportRequest.of(
                        ImportSource.of("http://127.0.0.1:" + port, null, null, null), "a:1", null, null, null));

        assertTrue(e.getMessage().contains("connection refused"), e.getMessage());
    }

    @Test
    void loopbackSourcesAreRefusedByTheDefaultPolicyAlikeWhetherAPortIsOpenOrNot() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        ImportService strict = new ImportService(
                target.dataPlane(),
                target.metadata().registries(),
                new HttpImageSources(
                        new HttpImageSources.Settings(Trust.system(), List.of("127.0.0.1"), Duration.ofSeconds(5)),
                        new JettyEgress(EgressPolicy.defaults(new OwnAddresses()))));
        String open = source.uri().getPort() + "";

        List<String> messages = new java.util.ArrayList<>();
        for (String address :
                List.of("https://127.0.0.1:" + open, "https://127.0.0.1:" + closed, "http://127.0.0.1:" + open)) {
            RegistryException e = assertThrows(
                    RegistryException.class,
                    () -> strict.importImage(
                            target.registry(),
                            ImportRequest.of(ImportSource.of(address, null, null, null), "a:1", null, null, null)));
            assertEquals(ErrorCode.EGRESS_REFUSED, e.code(), e.getMessage());
            messages.add(e.getMessage());
        }

        assertEquals(List.of(EGRESS_REFUSED_MESSAGE, EGRESS_REFUSED_MESSAGE, EGRESS_REFUSED_MESSAGE), messages);
    }

    @Test
    void aNameThatResolvesToLoopbackIsRefusedToo() {
        ImportService strict = new ImportService(
                target.dataPlane(),
                target.metadata().registries(),
                new HttpImageSources(
                        HttpImageSources.Settings.defaults(),
                        new JettyEgress(EgressPolicy.defaults(new OwnAddresses()))));

        RegistryException e = assertThrows(
                RegistryException.class,
                () -> strict.importImage(
                        target.registry(),
                        ImportRequest.of(
                                ImportSource.of("localhost:" + source.uri().getPort(), null, null, null),
                                "a:1",
                                null,
                                null,
                                null)));

        assertEquals(ErrorCode.EGRESS_REFUSED, e.code(), e.getMessage());
        assertTrue(e.getMessage().startsWith("egress to localhost ("), e.getMessage());
    }

    private static final String EGRESS_REFUSED_MESSAGE =
            "egress to 127.0.0.1 is not allowed by the installation's egress policy";

    @Test
    void plainHttpIsOnlyForRegistriesListedAsInsecure() throws Exception {
        ImportService strict = new ImportService(
                target.dataPlane(),
                target.metadata().registries(),
                new HttpImageSources(HttpImageSources.Settings.defaults(), TestEgress.LOOPBACK));

        RegistryException e = assertThrows(
                RegistryException.class, () -> strict.importImage(target.registry(), request(source, "any/app:1")));

        assertEquals(ErrorCode.INVALID_REQUEST, e.code());
    }

    @Test
    void importsFromAnotherRegistryOfTheInstallationByLinking() throws Exception {
        RegistryRecord other =
                target.metadata().registries().create("other", Tier.BASIC).orElseThrow();
        TestImages.Manifest index = TestImages.index("amd64", "arm64");
        target.push(other, "shared/app", "1", index);

        ImportResult result = imports.importImage(
                target.registry(),
                ImportRequest.of(
                        ImportSource.of(null, "/subscriptions/s/registries/other", null, null),
                        "shared/app:1",
                        List.of("copied/app:1"),
                        null,
                        null));

        assertTagged(target, "copied/app", "1", index);
        assertEquals(0, result.blobsCopied());
        assertEquals(6, result.blobsLinked());
        assertEquals(0, result.bytesCopied());
    }

    @Test
    void anUnknownLocalRegistryIsAnUnknownSource() {
        assertCode(
                ErrorCode.IMPORT_SOURCE_UNKNOWN,
                ImportRequest.of(new ImportSource.Local("nowhere"), "a:1", null, null, null));
    }

    private static RegistryException assertCode(ErrorCode code, ImportRequest request) {
        RegistryException e =
                assertThrows(RegistryException.class, () -> imports.importImage(target.registry(), request));
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    private static ImportRequest request(TestRegistry from, String image) {
        return ImportRequest.of(remote(from), image, null, null, null);
    }

    private static ImportSource remote(TestRegistry from) {
        return ImportSource.of(from.uri().toString(), null, null, null);
    }
}
