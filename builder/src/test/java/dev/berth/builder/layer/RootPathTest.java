package dev.berth.builder.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootPathTest {
    @TempDir
    Path temp;

    Path rootDir;
    RootPath root;

    @BeforeEach
    void setUp() throws IOException {
        rootDir = Files.createDirectories(temp.resolve("rootfs"));
        Files.createDirectories(rootDir.resolve("usr/lib"));
        root = RootPath.of(rootDir);
    }

    @Test
    void plainPathsResolveUnderTheRoot() throws IOException {
        assertEquals(root.root().resolve("usr/lib/x"), root.resolve("/usr/lib/x"));
        assertEquals(root.root().resolve("usr/lib/x"), root.resolve("usr/./lib//x"));
        assertEquals(root.root(), root.resolve("/"));
    }

    @Test
    void dotDotNeverClimbsAboveTheRoot() throws IOException {
        assertEquals(root.root().resolve("etc/passwd"), root.resolve("../../../etc/passwd"));
        assertEquals(root.root().resolve("etc"), root.resolve("usr/../../../etc"));
    }

    @Test
    void absoluteLinksRestartAtTheRoot() throws IOException {
        Files.createSymbolicLink(root.root().resolve("lib64"), Path.of("/usr/lib"));
        assertEquals(root.root().resolve("usr/lib/libc.so"), root.resolve("lib64/libc.so"));
    }

    @Test
    void relativeLinksClimbingOutAreClampedOrRefusedWhenStrict() throws IOException {
        Files.createSymbolicLink(root.root().resolve("usr/lib/evil"), Path.of("../../../../../etc"));
        assertEquals(root.root().resolve("etc/shadow"), root.resolve("usr/lib/evil/shadow"));
        assertThrows(UnsafePathException.class, () -> root.walk("usr/lib/evil/shadow", false, true));
    }

    @Test
    void relativeLinksWithinTheRootAreFollowed() throws IOException {
        Files.createSymbolicLink(root.root().resolve("lib"), Path.of("usr/lib"));
        Files.createSymbolicLink(root.root().resolve("usr/lib/ld.so"), Path.of("../lib/real.so"));
        assertEquals(root.root().resolve("usr/lib/real.so"), root.resolve("lib/ld.so"));
        assertEquals(root.root().resolve("usr/lib/ld.so"), root.resolveNoFollow("lib/ld.so"));
    }

    @Test
    void linkLoopsEndWithAnError() throws IOException {
        Files.createSymbolicLink(root.root().resolve("a"), Path.of("b"));
        Files.createSymbolicLink(root.root().resolve("b"), Path.of("a"));
        IOException e = assertThrows(IOException.class, () -> root.resolve("a/x"));
        assertTrue(e.getMessage().contains("too many levels"));
    }

    @Test
    void relativizeGivesThePathInsideTheRoot() throws IOException {
        assertEquals("usr/lib", root.relativize(root.resolve("/usr/lib")));
        assertEquals("", root.relativize(root.root()));
    }
}
