package dev.berth.builder.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerUnpackerTest {
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    @TempDir
    Path temp;

    RootPath root;
    Path rootDir;

    @BeforeEach
    void setUp() throws IOException {
        rootDir = Files.createDirectories(temp.resolve("rootfs"));
        root = RootPath.of(rootDir);
    }

    UnpackResult apply(byte[] blob) throws IOException {
        return LayerUnpacker.forLayers().apply(new ByteArrayInputStream(blob), root);
    }

    @Test
    void filesDirectoriesAndLinksAreCreatedWithTheirModesAndTimes() throws IOException {
        apply(new TestTar()
                .dir("./usr/", 0755)
                .dir("usr/bin/", 0711)
                .file("usr/bin/tool", "#!/bin/sh\n", 04755, 0, 0)
                .dir("tmp", 01777)
                .symlink("bin", "usr/bin")
                .hardLink("usr/bin/tool2", "usr/bin/tool")
                .gzip());
        Path tool = rootDir.resolve("usr/bin/tool");
        assertEquals("#!/bin/sh\n", Files.readString(tool));
        assertEquals(04755, mode(tool));
        assertEquals(01777, mode(rootDir.resolve("tmp")));
        assertEquals(0711, mode(rootDir.resolve("usr/bin")));
        assertEquals(TestTar.MTIME, Files.getLastModifiedTime(tool).toInstant());
        assertEquals(
                TestTar.MTIME,
                Files.getLastModifiedTime(rootDir.resolve("usr/bin")).toInstant());
        assertEquals(Path.of("usr/bin"), Files.readSymbolicLink(rootDir.resolve("bin")));
        assertTrue(Files.isSameFile(tool, rootDir.resolve("usr/bin/tool2")));
    }

    @Test
    void numericOwnershipIsKeptWhenRunningAsRoot() throws IOException {
        assumeTrue(Privileges.isRoot(), "ownership needs root");
        apply(new TestTar().file("home/app/data", "x", 0600, 1234, 5678).bytes());
        Path data = rootDir.resolve("home/app/data");
        assertEquals(1234, Files.getAttribute(data, "unix:uid"));
        assertEquals(5678, Files.getAttribute(data, "unix:gid"));
        assertEquals(0600, mode(data));
    }

    @Test
    void compressionIsFoundFromMagicBytes() throws IOException {
        apply(new TestTar().file("plain", "p").bytes());
        apply(new TestTar().file("gzipped", "g").gzip());
        apply(new TestTar().file("zstded", "z").zstd());
        assertEquals("p", Files.readString(rootDir.resolve("plain")));
        assertEquals("g", Files.readString(rootDir.resolve("gzipped")));
        assertEquals("z", Files.readString(rootDir.resolve("zstded")));
    }

    @Test
    void longNamesAndLinkTargetsComeFromPaxHeaders() throws IOException {
        String dir = "d".repeat(120) + "/" + "e".repeat(120);
        String name = dir + "/" + "f".repeat(150);
        apply(new TestTar().file(name, "long").symlink("link", name).bytes());
        assertEquals("long", Files.readString(rootDir.resolve(name)));
        assertEquals(name, Files.readSymbolicLink(rootDir.resolve("link")).toString());
    }

    @Test
    void laterLayersReplaceFilesWithDirectoriesAndBack() throws IOException {
        apply(new TestTar()
                .file("a", "file")
                .dir("b/", 0755)
                .file("b/inner", "x")
                .bytes());
        apply(new TestTar()
                .dir("a/", 0700)
                .file("a/child", "c")
                .file("b", "now a file")
                .bytes());
        assertEquals("c", Files.readString(rootDir.resolve("a/child")));
        assertEquals("now a file", Files.readString(rootDir.resolve("b")));
    }

    @Test
    void aNewFileDoesNotRewriteLowerHardLinks() throws IOException {
        apply(new TestTar().file("one", "old").hardLink("two", "one").bytes());
        apply(new TestTar().file("one", "new").bytes());
        assertEquals("new", Files.readString(rootDir.resolve("one")));
        assertEquals("old", Files.readString(rootDir.resolve("two")));
    }

    @Test
    void whiteoutsRemoveWhatLowerLayersPutThere() throws IOException {
        apply(new TestTar()
                .file("etc/keep", "k")
                .file("etc/gone", "g")
                .dir("var/cache/", 0755)
                .file("var/cache/x", "x")
                .bytes());
        apply(new TestTar().file("etc/.wh.gone", "").file("var/.wh.cache", "").bytes());
        assertTrue(Files.exists(rootDir.resolve("etc/keep")));
        assertFalse(Files.exists(rootDir.resolve("etc/gone"), NOFOLLOW));
        assertFalse(Files.exists(rootDir.resolve("var/cache"), NOFOLLOW));
        assertFalse(Files.exists(rootDir.resolve("etc/.wh.gone"), NOFOLLOW));
    }

    @Test
    void opaqueWhiteoutsEmptyTheDirectoryOfLowerContentOnly() throws IOException {
        apply(new TestTar()
                .file("app/old", "o")
                .file("app/sub/old", "o")
                .file("other", "x")
                .bytes());
        apply(new TestTar()
                .file("app/new", "n")
                .file("app/sub/newer", "n")
                .file("app/.wh..wh..opq", "")
                .bytes());
        assertEquals(List.of("new", "sub"), names(rootDir.resolve("app")));
        assertEquals(List.of("newer"), names(rootDir.resolve("app/sub")));
        assertTrue(Files.exists(rootDir.resolve("other")));
    }

    @Test
    void whiteoutNamesAreOrdinaryFilesWhenWhiteoutsAreOff() throws IOException {
        var options = new UnpackOptions(false, false, java.util.Optional.empty(), false);
        new LayerUnpacker(options)
                .apply(new ByteArrayInputStream(new TestTar().file(".wh.x", "").bytes()), root);
        assertTrue(Files.exists(rootDir.resolve(".wh.x")));
    }

    @Test
    void entriesNamedOutsideTheRootAreRefused() throws IOException {
        assertRefused(new TestTar().file("../escape", "x").bytes());
        assertRefused(new TestTar().file("a/../../escape", "x").bytes());
        assertRefused(new TestTar().file("/etc/escape", "x").bytes());
        assertFalse(Files.exists(temp.resolve("escape")));
    }

    @Test
    void entriesThroughALinkClimbingOutAreRefused() throws IOException {
        assertRefused(
                new TestTar().symlink("up", "../..").file("up/escape", "x").bytes());
        assertFalse(Files.exists(temp.resolve("escape")));
    }

    @Test
    void entriesThroughAbsoluteLinksStayInsideTheRoot() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        apply(new TestTar()
                .symlink("out", outside.toString())
                .file("out/file", "x")
                .bytes());
        assertFalse(Files.exists(outside.resolve("file")));
        assertEquals("x", Files.readString(rootDir.resolve(outside.toString().substring(1) + "/file")));
    }

    @Test
    void hardLinksOutsideTheRootAreRefused() throws IOException {
        Files.writeString(temp.resolve("secret"), "s");
        assertRefused(new TestTar().hardLink("stolen", "../secret").bytes());
        assertRefused(new TestTar().hardLink("stolen", "/etc/passwd").bytes());
        IOException e = assertThrows(
                IOException.class,
                () -> apply(new TestTar().hardLink("x", "missing").bytes()));
        assertTrue(e.getMessage().contains("hard link target"), e.getMessage());
    }

    @Test
    void fifosAndDevicesAreCreatedWhenPermitted() throws IOException {
        UnpackResult result = apply(new TestTar()
                .special("dev/fifo", TarConstants.LF_FIFO, 0, 0)
                .special("dev/null", TarConstants.LF_CHR, 1, 3)
                .bytes());
        assertEquals(
                "fifo",
                Files.getAttribute(rootDir.resolve("dev/fifo"), "unix:mode") instanceof Integer m
                                && FileType.ofMode(m) == FileType.FIFO
                        ? "fifo"
                        : "other");
        if (Privileges.isRoot() && result.warnings().isEmpty()) {
            int m = (Integer) Files.getAttribute(rootDir.resolve("dev/null"), "unix:mode");
            assertEquals(FileType.CHARACTER_DEVICE, FileType.ofMode(m));
            assertEquals(DeviceNumbers.major(rdev("dev/null")), 1);
            assertEquals(DeviceNumbers.minor(rdev("dev/null")), 3);
        } else {
            assertTrue(
                    result.warnings().getFirst().contains("dev/null"),
                    result.warnings().toString());
        }
    }

    @Test
    void xattrsAreAppliedAndRefusedOnesWarned() throws IOException {
        TarArchiveEntry e = TestTar.entry("f", TarConstants.LF_NORMAL, 0644);
        e.addPaxHeader("SCHILY.xattr.user.origin", "test");
        e.addPaxHeader("SCHILY.xattr.security.capability", "\u0001");
        UnpackResult result = apply(new TestTar().entry(e, new byte[] {1}).bytes());
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains("security.capability")), result.toString());
        var view = Files.getFileAttributeView(
                rootDir.resolve("f"), java.nio.file.attribute.UserDefinedFileAttributeView.class);
        java.nio.ByteBuffer value = java.nio.ByteBuffer.allocate(16);
        view.read("origin", value);
        assertEquals("test", new String(value.array(), 0, value.position(), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aChainOfLayersIsAppliedInOrder() throws IOException {
        Path one = Files.write(
                temp.resolve("one"), new TestTar().file("f", "1").file("g", "g").gzip());
        Path two = Files.write(
                temp.resolve("two"),
                new TestTar().file("f", "2").file(".wh.g", "").gzip());
        UnpackResult result = LayerUnpacker.forLayers().applyAll(List.of(one, two), root);
        assertEquals(4, result.entries());
        assertEquals("2", Files.readString(rootDir.resolve("f")));
        assertFalse(Files.exists(rootDir.resolve("g")));
    }

    private void assertRefused(byte[] tar) {
        UnsafePathException e = assertThrows(UnsafePathException.class, () -> apply(tar));
        assertTrue(e.getMessage().contains("refused") || e.getMessage().contains("escapes"), e.getMessage());
    }

    private long rdev(String path) throws IOException {
        return (Long) Files.getAttribute(rootDir.resolve(path), "unix:rdev", NOFOLLOW);
    }

    static int mode(Path path) throws IOException {
        return ((Integer) Files.getAttribute(path, "unix:mode", NOFOLLOW)) & 07777;
    }

    static List<String> names(Path dir) throws IOException {
        try (var list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
