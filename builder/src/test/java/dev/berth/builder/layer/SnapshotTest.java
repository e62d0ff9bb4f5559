package dev.berth.builder.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotTest {
    @TempDir
    Path root;

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/hosts"), "127.0.0.1 localhost\n");
        Files.writeString(root.resolve("etc/gone"), "x");
        Files.createDirectories(root.resolve("var/lib/old"));
        Files.writeString(root.resolve("var/lib/old/a"), "a");
        Files.createDirectories(root.resolve("proc"));
        Files.createSymbolicLink(root.resolve("link"), Path.of("etc/hosts"));
    }

    @Test
    void recordsTypeModeOwnersAndLinkTargets() throws IOException {
        Snapshot s = Snapshot.of(root);
        FileState hosts = s.get("etc/hosts").orElseThrow();
        assertEquals(FileType.REGULAR, hosts.type());
        assertEquals(20, hosts.size());
        assertEquals(Files.getAttribute(root.resolve("etc/hosts"), "unix:ino"), hosts.inode());
        assertEquals(FileType.SYMLINK, s.get("link").orElseThrow().type());
        assertEquals("etc/hosts", s.get("link").orElseThrow().linkTarget());
        assertEquals(FileType.DIRECTORY, s.get("var/lib").orElseThrow().type());
        assertFalse(s.get("").isPresent());
    }

    @Test
    void changesListAddedModifiedAndDeletedPaths() throws IOException {
        Snapshot before = Snapshot.of(root);
        Files.writeString(root.resolve("etc/new"), "n");
        Files.delete(root.resolve("etc/gone"));
        Files.setPosixFilePermissions(
                root.resolve("etc/hosts"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Changes changes = Changes.between(before, Snapshot.of(root));
        assertEquals(Set.of("etc/new"), changes.added());
        assertEquals(Set.of("etc", "etc/hosts"), changes.modified());
        assertEquals(Set.of("etc/gone"), changes.deleted());
        assertTrue(changes.replacedDirectories().isEmpty());
    }

    @Test
    void contentRewrittenWithTheSameSizeAndMtimeIsCaughtByCtime() throws IOException, InterruptedException {
        Path hosts = root.resolve("etc/hosts");
        FileTime mtime = Files.getLastModifiedTime(hosts);
        Snapshot before = Snapshot.of(root);
        Thread.sleep(10);
        Files.writeString(hosts, "127.0.0.2 localhost\n");
        Files.setLastModifiedTime(hosts, mtime);
        Changes changes = Changes.between(before, Snapshot.of(root));
        assertEquals(Set.of("etc/hosts"), changes.modified());
    }

    @Test
    void aDirectoryEmptiedOfEverythingItHadIsReplaced() throws IOException {
        Snapshot before = Snapshot.of(root);
        Files.delete(root.resolve("etc/gone"));
        Files.delete(root.resolve("etc/hosts"));
        Files.writeString(root.resolve("etc/fresh"), "f");
        Changes changes = Changes.between(before, Snapshot.of(root));
        assertEquals(Set.of("etc"), changes.replacedDirectories());
        assertTrue(changes.deleted().isEmpty(), changes.deleted().toString());
        assertTrue(changes.added().contains("etc/fresh"));
    }

    @Test
    void aDeletedDirectoryIsListedWithoutItsChildren() throws IOException {
        Snapshot before = Snapshot.of(root);
        Trees.delete(root.resolve("var/lib/old"));
        Changes changes = Changes.between(before, Snapshot.of(root));
        assertEquals(Set.of("var/lib/old"), changes.deleted());
    }

    @Test
    void aDirectoryReplacedWholesaleIsReportedForAnOpaqueWhiteout() throws IOException {
        Files.writeString(root.resolve("var/lib/old/c"), "c");
        Snapshot before = Snapshot.of(root);
        Trees.delete(root.resolve("var/lib/old"));
        Files.createDirectories(root.resolve("var/lib/old"));
        Files.writeString(root.resolve("var/lib/old/b"), "b");
        Changes changes = Changes.between(before, Snapshot.of(root));
        assertEquals(Set.of("var/lib/old"), changes.replacedDirectories());
        assertTrue(changes.deleted().isEmpty(), changes.deleted().toString());
        assertTrue(changes.added().contains("var/lib/old/b"));
    }

    @Test
    void excludedPathsAndEverythingUnderThemAreLeftOut() throws IOException {
        Files.writeString(root.resolve("proc/cpuinfo"), "x");
        Snapshot s = Snapshot.of(root, Set.of("proc", "var/lib"));
        assertFalse(s.get("proc").isPresent());
        assertFalse(s.get("proc/cpuinfo").isPresent());
        assertFalse(s.get("var/lib/old/a").isPresent());
        assertTrue(s.get("var").isPresent());
    }

    @Test
    void ofPathsReadsOnlyThePathsTheirSubtreesAndParents() throws IOException {
        Snapshot s = Snapshot.ofPaths(RootPath.of(root), List.of("/var/lib/old"));
        assertEquals(
                List.of("var", "var/lib", "var/lib/old", "var/lib/old/a"),
                List.copyOf(s.entries().keySet()));
    }
}
