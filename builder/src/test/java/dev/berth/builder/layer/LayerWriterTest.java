package dev.berth.builder.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.oci.Digest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerWriterTest {
    @TempDir
    Path temp;

    Path base;
    Path source;
    Path copy;

    @BeforeEach
    void setUp() throws IOException {
        base = Files.write(
                temp.resolve("base.tar.gz"),
                new TestTar()
                        .dir("etc/", 0755)
                        .file("etc/passwd", "root:x:0:0::/root:/bin/sh\n")
                        .file("etc/motd", "hello")
                        .dir("tmp/", 01777)
                        .dir("var/cache/", 0755)
                        .file("var/cache/a", "a")
                        .file("var/cache/b", "b")
                        .file("usr/bin/tool", "tool", 04755, 0, 0)
                        .symlink("bin", "usr/bin")
                        .special("dev/null", TarConstants.LF_CHR, 1, 3)
                        .gzip());
        source = unpackBaseInto("source");
        copy = unpackBaseInto("copy");
    }

    @Test
    void aLayerOfChangesRebuildsTheSameTreeElsewhere() throws IOException {
        Snapshot before = Snapshot.of(source);
        Files.writeString(source.resolve("etc/motd"), "changed");
        Files.delete(source.resolve("etc/passwd"));
        Files.createDirectories(source.resolve("app/" + "long".repeat(40)));
        Files.writeString(source.resolve("app/" + "long".repeat(40) + "/file"), "deep");
        Files.createLink(source.resolve("app/hard"), source.resolve("usr/bin/tool"));
        Files.createSymbolicLink(source.resolve("app/link"), Path.of("/etc/motd"));
        Trees.delete(source.resolve("var/cache"));
        Files.createDirectories(source.resolve("var/cache"));
        Files.writeString(source.resolve("var/cache/c"), "c");
        Files.setAttribute(source.resolve("app"), "unix:gid", 42);
        Changes changes = Changes.between(before, Snapshot.of(source));
        LayerBlob layer = new LayerWriter(LayerOptions.defaults()).write(changes, temp.resolve("layer.tar.gz"));

        LayerUnpacker.forLayers().apply(layer.file(), RootPath.of(copy));

        assertEquals(TreeDescription.of(source), TreeDescription.of(copy));
        assertEquals(java.util.Set.of("var/cache/.wh..wh..opq", "etc/.wh.passwd"), whiteoutsIn(layer.file()));
    }

    @Test
    void digestsDescribeTheCompressedAndUncompressedBytes() throws IOException {
        LayerBlob layer = writeWhole(source, LayerOptions.defaults(), "layer.tar.gz");
        byte[] compressed = Files.readAllBytes(layer.file());
        assertEquals(Digest.sha256(compressed), layer.digest());
        assertEquals(compressed.length, layer.size());
        byte[] tar = new GZIPInputStream(new ByteArrayInputStream(compressed)).readAllBytes();
        assertEquals(Digest.sha256(tar), layer.diffId());
        assertEquals(LayerBlob.OCI_LAYER_GZIP, layer.mediaType());
        assertEquals(0, tar.length % 512);
    }

    @Test
    void theSameTreeGivesTheSameBytes() throws IOException {
        LayerBlob one = writeWhole(source, LayerOptions.defaults(), "one.tar.gz");
        LayerBlob two = writeWhole(copy, LayerOptions.defaults(), "two.tar.gz");
        assertArrayEquals(Files.readAllBytes(one.file()), Files.readAllBytes(two.file()));
        assertEquals(one.digest(), two.digest());
        byte[] header = java.util.Arrays.copyOf(Files.readAllBytes(one.file()), 10);
        assertArrayEquals(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0}, java.util.Arrays.copyOf(header, 9));
    }

    @Test
    void sourceDateEpochClampsNewerTimesOnly() throws IOException {
        Instant epoch = Instant.parse("2025-01-01T00:00:00Z");
        Files.writeString(source.resolve("etc/new"), "n");
        LayerBlob layer = writeWhole(source, LayerOptions.defaults().withSourceDateEpoch(epoch), "epoch.tar.gz");
        for (TarArchiveEntry e : entries(layer.file())) {
            Instant mtime = e.getLastModifiedTime().toInstant();
            assertFalse(mtime.isAfter(epoch), e.getName() + " " + mtime);
            if (e.getName().equals("etc/motd")) {
                assertEquals(TestTar.MTIME, mtime);
            }
            if (e.getName().equals("etc/new")) {
                assertEquals(epoch, mtime);
            }
        }
    }

    @Test
    void entriesAreSortedWithNumericIdsOnly() throws IOException {
        Files.createDirectories(source.resolve("x/" + "n".repeat(200)));
        LayerBlob layer = writeWhole(source, LayerOptions.defaults(), "sorted.tar.gz");
        List<String> names = new ArrayList<>();
        for (TarArchiveEntry e : entries(layer.file())) {
            names.add(e.getName());
            assertEquals("", e.getUserName());
            assertEquals("", e.getGroupName());
        }
        List<String> sorted = names.stream()
                .sorted(java.util.Comparator.comparing(n -> n.replaceAll("/$", "")))
                .toList();
        assertEquals(sorted, names);
        String user = System.getProperty("user.name");
        byte[] tar = new GZIPInputStream(Files.newInputStream(layer.file())).readAllBytes();
        assertFalse(new String(tar, StandardCharsets.ISO_8859_1).contains(user + "\0"), "user name in the tar");
    }

    @Test
    void hardLinksInTheLayerAreTarHardLinks() throws IOException {
        Files.createLink(source.resolve("etc/motd2"), source.resolve("etc/motd"));
        LayerBlob layer = writeWhole(source, LayerOptions.defaults(), "links.tar.gz");
        TarArchiveEntry link = entries(layer.file()).stream()
                .filter(e -> e.getName().equals("etc/motd2"))
                .findFirst()
                .orElseThrow();
        assertTrue(link.isLink());
        assertEquals("etc/motd", link.getLinkName());
    }

    @Test
    void aLayerFromEntriesHoldsExactlyThem() throws IOException {
        Path content = Files.writeString(temp.resolve("context-file"), "from the context");
        Instant t = Instant.parse("2024-05-05T05:05:05Z");
        LayerBlob layer = new LayerWriter(LayerOptions.defaults())
                .write(
                        List.of(
                                LayerEntry.file("/app/main.sh", content, 0755, 1000, 1000, t),
                                LayerEntry.directory("app", 0750, 1000, 1000, t),
                                LayerEntry.bytes("app/config", "k=v".getBytes(StandardCharsets.UTF_8), 0600, 0, 0, t),
                                LayerEntry.symlink("app/run", "main.sh", 0, 0, t)),
                        temp.resolve("entries.tar.gz"));
        List<String> names =
                entries(layer.file()).stream().map(TarArchiveEntry::getName).toList();
        assertEquals(List.of("app/", "app/config", "app/main.sh", "app/run"), names);
        Path target = Files.createDirectories(temp.resolve("entries"));
        LayerUnpacker.forLayers().apply(layer.file(), RootPath.of(target));
        assertEquals("from the context", Files.readString(target.resolve("app/main.sh")));
        assertEquals(0755, LayerUnpackerTest.mode(target.resolve("app/main.sh")));
        assertEquals(t, Files.getLastModifiedTime(target.resolve("app")).toInstant());
    }

    @Test
    void uncompressedLayersHaveOneDigest() throws IOException {
        LayerBlob layer =
                writeWhole(source, new LayerOptions(java.util.Optional.empty(), Compression.NONE, 6), "l.tar");
        assertEquals(layer.digest(), layer.diffId());
        assertEquals(Digest.sha256(Files.readAllBytes(layer.file())), layer.digest());
    }

    private LayerBlob writeWhole(Path root, LayerOptions options, String name) throws IOException {
        return new LayerWriter(options).write(Changes.allAdded(Snapshot.of(root)), temp.resolve(name));
    }

    private Path unpackBaseInto(String name) throws IOException {
        Path dir = Files.createDirectories(temp.resolve(name));
        LayerUnpacker.forLayers().apply(base, RootPath.of(dir));
        return dir;
    }

    static List<TarArchiveEntry> entries(Path layer) throws IOException {
        List<TarArchiveEntry> list = new ArrayList<>();
        try (InputStream in = Decompressors.decompressed(Files.newInputStream(layer));
                TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                list.add(e);
            }
        }
        return list;
    }

    private static java.util.Set<String> whiteoutsIn(Path layer) throws IOException {
        return entries(layer).stream()
                .map(TarArchiveEntry::getName)
                .filter(n -> n.contains(".wh."))
                .collect(java.util.stream.Collectors.toSet());
    }
}
