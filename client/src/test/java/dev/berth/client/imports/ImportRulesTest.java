package dev.berth.client.imports;

import static dev.berth.client.imports.Imported.assertTagged;
import static dev.berth.client.imports.Imported.hasManifest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.TestImages;
import dev.berth.client.TestRegistry;
import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.imports.ImageSourceException;
import dev.berth.core.imports.ImportRequest;
import dev.berth.core.imports.ImportResult;
import dev.berth.core.imports.ImportService;
import dev.berth.core.imports.ImportSource;
import dev.berth.core.oci.Digest;
import dev.berth.core.oci.MediaTypes;
import dev.berth.core.oci.Reference;
import dev.berth.core.oci.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The import's rules, against a source that serves whatever it is told to. */
@Timeout(60)
class ImportRulesTest {
    private static TestRegistry target;

    @BeforeAll
    static void start() throws Exception {
        target = TestRegistry.open();
    }

    @AfterAll
    static void stop() throws Exception {
        target.close();
    }

    @Test
    void anIndexOfFiftyManifestsIsTheMostOneImportTakes() throws Exception {
        List<TestImages.Manifest> children = new ArrayList<>();
        TestImages.Blob config = TestImages.randomLayer(10);
        for (int i = 0; i < ImportService.MAX_MANIFESTS; i++) {
            children.add(TestImages.image(config, List.of(TestImages.randomLayer(16)), List.of()));
        }
        TestImages.Manifest tooMany = TestImages.index(children);
        TestImages.Manifest justEnough = TestImages.index(children.subList(0, ImportService.MAX_MANIFESTS - 1));
        FakeImageSource source = new FakeImageSource().with("big", tooMany).with("fits", justEnough);

        RegistryException refused = assertImportFails(source, "limit/app:big", ErrorCode.INVALID_REQUEST);
        ImportResult fits = service(source).importImage(target.registry(), request("limit/app:fits"));

        assertTrue(refused.getMessage().contains("more than 50 manifests"), refused.getMessage());
        assertEquals(50, fits.manifests());
        assertTagged(target, "limit/app", "fits", justEnough);
        assertNoTag("limit/app", "big");
    }

    @Test
    void foreignLayersAreReferencedNotCopied() throws Exception {
        Map<String, Object> foreign = Map.of(
                "mediaType",
                MediaTypes.DOCKER_FOREIGN_LAYER,
                "digest",
                TestImages.randomLayer(5).digest().toString(),
                "size",
                5,
                "urls",
                List.of("https://mcr.microsoft.com/v2/windows/blobs/x"));
        TestImages.Manifest windows =
                TestImages.image(TestImages.randomLayer(10), List.of(TestImages.randomLayer(20)), List.of(foreign));

        ImportResult result =
                service(new FakeImageSource().with("1", windows)).importImage(target.registry(), request("win/app:1"));

        assertEquals(1, result.blobsReferenced());
        assertEquals(2, result.blobsCopied());
        assertTagged(target, "win/app", "1", windows);
    }

    @Test
    void aNonDistributableLayerWithoutUrlsCannotBeImported() throws Exception {
        Map<String, Object> foreign = Map.of(
                "mediaType",
                "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip",
                "digest",
                TestImages.randomLayer(5).digest().toString(),
                "size",
                5);
        TestImages.Manifest image = TestImages.image(TestImages.randomLayer(10), List.of(), List.of(foreign));

        assertImportFails(new FakeImageSource().with("1", image), "nourls/app:1", ErrorCode.MANIFEST_INVALID);
    }

    @Test
    void aBlobWhoseBytesAreNotItsDigestFailsTheImportAndNoTagAppears() throws Exception {
        TestImages.Manifest index = TestImages.index("amd64", "arm64");
        Digest victim = index.children().get(1).blobs().get(1).digest();
        FakeImageSource source = new FakeImageSource().with("1", index).lyingAbout(victim, new byte[1000]);

        RegistryException e = assertImportFails(source, "lies/app:1", ErrorCode.IMPORT_SOURCE_UNAVAILABLE);

        assertTrue(e.getMessage().contains(victim.toString()), e.getMessage());
        assertNoTag("lies/app", "1");
        assertFalse(hasManifest(target, "lies/app", index));
    }

    @Test
    void aBlobThatBreaksMidwayIsTheSourcesFailure() throws Exception {
        TestImages.Manifest image = TestImages.image("amd64");
        Digest victim = image.blobs().get(1).digest();
        FakeImageSource source = new FakeImageSource()
                .with("1", image)
                .breaking(
                        victim,
                        new ImageSourceException(ImageSourceException.Kind.UNAVAILABLE, "connection reset", null));

        RegistryException e = assertImportFails(source, "broken/app:1", ErrorCode.IMPORT_SOURCE_UNAVAILABLE);

        assertEquals("connection reset", e.getMessage());
        assertNoTag("broken/app", "1");
    }

    @Test
    void aChildTheSourceLacksIsUnknown() throws Exception {
        TestImages.Manifest index = TestImages.index("amd64");
        FakeImageSource partial = new FakeImageSource()
                .with("1", index)
                .losing(index.children().getFirst().digest());

        RegistryException e = assertImportFails(partial, "partial/app:1", ErrorCode.IMPORT_SOURCE_UNKNOWN);

        assertTrue(e.getMessage().contains(index.children().getFirst().digest().toString()), e.getMessage());
    }

    private static RegistryException assertImportFails(FakeImageSource source, String image, ErrorCode code) {
        RegistryException e = assertThrows(
                RegistryException.class, () -> service(source).importImage(target.registry(), request(image)));
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    private static void assertNoTag(String repository, String tag) throws Exception {
        assertTrue(target.dataPlane()
                .manifests()
                .find(Imported.ref(target.registry(), repository), new Reference.ByTag(new Tag(tag)))
                .isEmpty());
    }

    private static ImportService service(FakeImageSource source) {
        return new ImportService(target.dataPlane(), target.metadata().registries(), remote -> source);
    }

    private static ImportRequest request(String image) {
        return ImportRequest.of(ImportSource.of("fake.example", null, null, null), image, null, null, null);
    }
}
