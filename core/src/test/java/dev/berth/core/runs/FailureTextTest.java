package dev.berth.core.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Failures as users see them: context-relative paths, image paths, no server paths, no class names. */
class FailureTextTest {
    private static final Path DATA = Path.of("/tmp/berth-data-1");
    private static final FailureText SHOWN = FailureText.plain()
            .relativeTo(DATA.resolve("runs/work/2-cab/context"))
            .insideMatching(FailureText.quoted(DATA.resolve("builder/registries/2/work")) + "/[^/\\s]+/rootfs-[^/\\s]+")
            .hiding(DATA);

    @Test
    void pathsInTheContextAreShownRelativeToIt() {
        assertEquals(
                "COPY failed: no such file or directory: src/missing.txt",
                SHOWN.apply("COPY failed: no such file or directory: /tmp/berth-data-1/runs/work/2-cab/context/"
                        + "src/missing.txt"));
        assertEquals(
                "the context . is empty",
                SHOWN.apply("the context /tmp/berth-data-1/runs/work/2-cab/context is empty"));
    }

    @Test
    void pathsInARootFilesystemAreShownAsTheImagesPaths() {
        assertEquals(
                "cannot read '/etc/passwd'",
                SHOWN.apply("cannot read '/tmp/berth-data-1/builder/registries/2/work/build-1/rootfs-2/etc/passwd'"));
    }

    @Test
    void otherPathsOfTheServerAreCutToTheirLastName() {
        assertEquals(
                "cannot write blob.tmp: disk full",
                SHOWN.apply("cannot write /tmp/berth-data-1/builder/registries/2/layout/tmp/blob.tmp: disk full"));
    }

    @Test
    void aLongerNameIsNotTakenForARoot() {
        assertEquals("/tmp/berth-data-10/x", FailureText.plain().hiding(DATA).apply("/tmp/berth-data-10/x"));
    }

    @Test
    void javaClassNamesAreRemoved() {
        assertEquals(
                "the build failed: the manifest is unknown",
                SHOWN.apply("the build failed: dev.berth.core.error.RegistryException: the manifest is unknown"));
        assertEquals("boom", FailureText.plain().apply("java.lang.IllegalStateException: boom"));
    }

    @Test
    void fileSystemFailuresAreDescribedInWordsNotByTheirClass() {
        assertEquals("no such file or directory: /x/y", FailureText.describe(new NoSuchFileException("/x/y")));
        assertEquals(
                "permission denied: /x -> /y: nope",
                FailureText.describe(new AccessDeniedException("/x", "/y", "nope")));
        assertEquals("an unexpected error", FailureText.describe(new IOException()));
        assertEquals("inner", FailureText.describe(new IOException(null, new IllegalStateException("inner"))));
        assertEquals("wrapped", FailureText.describe(new IOException("java.io.UncheckedIOException: wrapped")));
    }
}
