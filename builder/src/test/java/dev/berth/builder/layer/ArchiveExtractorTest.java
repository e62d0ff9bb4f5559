package dev.berth.builder.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveExtractorTest {
    @TempDir
    Path temp;

    Path rootDir;
    RootPath root;

    @BeforeEach
    void setUp() throws IOException {
        rootDir = Files.createDirectories(temp.resolve("rootfs"));
        root = RootPath.of(rootDir);
    }

    @Test
    void tarsInEveryCompressionAreArchives() throws IOException {
        assertTrue(ArchiveExtractor.isArchive(write("plain.tar", sample().bytes())));
        assertTrue(ArchiveExtractor.isArchive(write("a.tar.gz", sample().gzip())));
        assertTrue(ArchiveExtractor.isArchive(write("a.tar.bz2", sample().bzip2())));
        assertTrue(ArchiveExtractor.isArchive(write("a.tar.xz", sample().xz())));
        assertTrue(ArchiveExtractor.isArchive(write("a.tar.zst", sample().zstd())));
    }

    @Test
    void otherFilesAreNot() throws IOException {
        assertFalse(ArchiveExtractor.isArchive(write("text", "just text\n".getBytes())));
        assertFalse(ArchiveExtractor.isArchive(write("empty", new byte[0])));
        assertFalse(ArchiveExtractor.isArchive(write("zeros.tar", new byte[1024])));
        assertFalse(ArchiveExtractor.isArchive(write("bad.gz", new byte[] {0x1f, (byte) 0x8b, 1, 2, 3})));
        assertFalse(ArchiveExtractor.isArchive(Files.createDirectories(temp.resolve("dir"))));
    }

    @Test
    void extractsIntoTheDestinationOverwritingAndKeepingWhiteoutNames() throws IOException {
        Files.createDirectories(rootDir.resolve("app"));
        Files.writeString(rootDir.resolve("app/a"), "old");
        Files.writeString(rootDir.resolve("app/keep"), "kept");
        Path archive = write("a.tar.xz", sample().xz());
        UnpackResult result = ArchiveExtractor.extract(archive, root, "/app", Optional.empty());
        assertEquals(4, result.entries());
        assertEquals("new a", Files.readString(rootDir.resolve("app/a")));
        assertEquals("kept", Files.readString(rootDir.resolve("app/keep")));
        assertEquals("b", Files.readString(rootDir.resolve("app/sub/b")));
        assertTrue(Files.exists(rootDir.resolve("app/.wh.keep")));
    }

    @Test
    void chownOverridesTheArchiveOwnership() throws IOException {
        assumeTrue(Privileges.isRoot(), "ownership needs root");
        Path archive = write("a.tar", sample().bytes());
        ArchiveExtractor.extract(archive, root, "dest", Optional.of(new UnpackOptions.Owner(7, 8)));
        assertEquals(7, Files.getAttribute(rootDir.resolve("dest/sub/b"), "unix:uid"));
        assertEquals(8, Files.getAttribute(rootDir.resolve("dest/sub/b"), "unix:gid"));
        ArchiveExtractor.extract(archive, root, "kept", Optional.empty());
        assertEquals(1000, Files.getAttribute(rootDir.resolve("kept/sub/b"), "unix:uid"));
    }

    @Test
    void theDestinationFollowsLinksWithinTheRootOnly() throws IOException {
        Files.createSymbolicLink(rootDir.resolve("opt"), Path.of("../../../.."));
        ArchiveExtractor.extract(write("a.tar", sample().bytes()), root, "/opt/x", Optional.empty());
        assertTrue(Files.exists(rootDir.resolve("x/a")));
    }

    @Test
    void escapingEntriesAreRefused() throws IOException {
        Path archive = write("evil.tar", new TestTar().file("../../evil", "x").bytes());
        assertThrows(
                UnsafePathException.class, () -> ArchiveExtractor.extract(archive, root, "/app", Optional.empty()));
        assertFalse(Files.exists(temp.resolve("evil")));
    }

    private static TestTar sample() throws IOException {
        return new TestTar()
                .file("a", "new a")
                .dir("sub/", 0755)
                .file("sub/b", "b", 0644, 1000, 1000)
                .file(".wh.keep", "");
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(temp.resolve(name), content);
    }
}
