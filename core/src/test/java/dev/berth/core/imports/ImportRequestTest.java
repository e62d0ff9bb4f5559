package dev.berth.core.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.oci.Digest;
import dev.berth.core.oci.MediaTypes;
import dev.berth.core.oci.Reference;
import dev.berth.core.oci.RepositoryName;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The request as the management API will build it from ARM's importImage body. */
class ImportRequestTest {
    private static final String DIGEST = "sha256:" + "a".repeat(64);
    private static final ImportSource DOCKER_HUB = ImportSource.of("docker.io", null, null, null);

    @Test
    void withoutTargetsTheImageKeepsItsRepositoryAndTag() {
        ImportRequest request = ImportRequest.of(DOCKER_HUB, "library/busybox:1.36", null, null, null);

        assertEquals(List.of(TargetTag.parse("library/busybox:1.36")), request.targetTags());
        assertEquals(List.of(), request.untaggedTargetRepositories());
        assertEquals(ImportMode.NO_FORCE, request.mode());
    }

    @Test
    void withoutTargetsAnImageByDigestGoesUntaggedIntoItsRepository() {
        ImportRequest request = ImportRequest.of(DOCKER_HUB, "library/busybox@" + DIGEST, List.of(), List.of(), "");

        assertEquals(List.of(), request.targetTags());
        assertEquals(List.of(new RepositoryName("library/busybox")), request.untaggedTargetRepositories());
        assertEquals(
                new Reference.ByDigest(Digest.parse(DIGEST)), request.image().reference());
    }

    @Test
    void anImageWithoutTagOrDigestMeansLatest() {
        SourceImage image = SourceImage.parse("hello-world");

        assertEquals("latest", image.tag().orElseThrow().value());
        assertEquals("hello-world:latest", image.toString());
    }

    @Test
    void aTagBeforeADigestIsIgnoredAsDockerDoes() {
        SourceImage image = SourceImage.parse("busybox:1.36@" + DIGEST);

        assertEquals(new RepositoryName("busybox"), image.repository());
        assertEquals(Optional.of(Digest.parse(DIGEST)), image.reference().asDigest());
    }

    @Test
    void targetRepositoriesAreThoseOfTheTagsThenTheUntaggedOnesEachOnce() {
        ImportRequest request = ImportRequest.of(
                DOCKER_HUB, "busybox", List.of("a:1", "b:2", "a:3", "a:1"), List.of("c", "b"), "Force");

        assertEquals(3, request.targetTags().size(), "duplicates are dropped");
        assertEquals(
                List.of(new RepositoryName("a"), new RepositoryName("b"), new RepositoryName("c")),
                request.targetRepositories());
        assertEquals(ImportMode.FORCE, request.mode());
    }

    @Test
    void aTargetWithoutTagIsLatest() {
        assertEquals("latest", TargetTag.parse("app").tag().value());
    }

    @Test
    void malformedValuesFailWithTheCodeOfWhatIsWrong() {
        assertCode(ErrorCode.INVALID_REQUEST, () -> ImportRequest.of(DOCKER_HUB, " ", null, null, null));
        assertCode(ErrorCode.NAME_INVALID, () -> ImportRequest.of(DOCKER_HUB, "Busybox", null, null, null));
        assertCode(ErrorCode.DIGEST_INVALID, () -> ImportRequest.of(DOCKER_HUB, "busybox@sha256:zz", null, null, null));
        assertCode(ErrorCode.TAG_INVALID, () -> ImportRequest.of(DOCKER_HUB, "busybox", List.of("a:-x"), null, null));
        assertCode(ErrorCode.NAME_INVALID, () -> ImportRequest.of(DOCKER_HUB, "busybox", null, List.of("A"), null));
        assertCode(
                ErrorCode.INVALID_REQUEST,
                () -> ImportRequest.of(DOCKER_HUB, "busybox", null, Arrays.asList((String) null), null));
        assertCode(ErrorCode.INVALID_REQUEST, () -> ImportRequest.of(DOCKER_HUB, "busybox", null, null, "Sometimes"));
    }

    @Test
    void modeIsArmsSpellingInAnyCase() {
        assertEquals(ImportMode.FORCE, ImportMode.parse("force"));
        assertEquals(ImportMode.NO_FORCE, ImportMode.parse("NoForce"));
        assertEquals(ImportMode.NO_FORCE, ImportMode.parse(null));
    }

    @Test
    void aResourceIdNamesALocalRegistryAndWinsOverAUri() {
        ImportSource source = ImportSource.of(
                "docker.io",
                "/subscriptions/s/resourceGroups/g/providers/Microsoft.ContainerRegistry/registries/team",
                "u",
                "p");

        assertEquals(new ImportSource.Local("team"), source);
        assertEquals(new ImportSource.Local("other"), ImportSource.fromResourceId("other"));
        assertCode(ErrorCode.INVALID_REQUEST, () -> ImportSource.fromResourceId("/x/registries/"));
    }

    @Test
    void aRegistryUriTakesCredentialsOnlyWhole() {
        ImportSource.Remote remote = assertInstanceOf(
                ImportSource.Remote.class, ImportSource.of(" myregistry.example ", null, "user", "secret"));

        assertEquals("myregistry.example", remote.registryUri());
        assertEquals("user", remote.credentials().orElseThrow().username());
        assertFalse(remote.credentials().orElseThrow().toString().contains("secret"));
        assertTrue(((ImportSource.Remote) ImportSource.of("r.example", null, "", null))
                .credentials()
                .isEmpty());
        assertCode(ErrorCode.INVALID_REQUEST, () -> ImportSource.of("r.example", null, "user", null));
        assertCode(ErrorCode.INVALID_REQUEST, () -> ImportSource.of(null, null, null, null));
    }

    @Test
    void foreignAndNonDistributableLayerTypesAreKnown() {
        assertTrue(MediaTypes.isNonDistributable(MediaTypes.DOCKER_FOREIGN_LAYER));
        assertTrue(MediaTypes.isNonDistributable("application/vnd.oci.image.layer.nondistributable.v1.tar+gzip"));
        assertFalse(MediaTypes.isNonDistributable("application/vnd.oci.image.layer.v1.tar+gzip"));
        assertFalse(MediaTypes.isNonDistributable(null));
    }

    private static void assertCode(ErrorCode code, Runnable action) {
        RegistryException e = assertThrows(RegistryException.class, action::run);
        assertEquals(code, e.code(), e.getMessage());
    }
}
