package dev.berth.builder.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.core.oci.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks layers against the real tool: an OCI layout of a base layer and a layer this package wrote from changes
 * (whiteouts, an opaque directory, hard links) is unpacked by {@code umoci}, which verifies both digests, and must
 * give the same tree as {@link LayerUnpacker}.
 */
class UmociCrossCheckTest {
    @TempDir
    Path temp;

    @Test
    void umociUnpacksOurLayersToTheSameTree() throws Exception {
        assumeTrue(Privileges.isRoot() && onPath("umoci"), "needs umoci and root");
        Path baseBlob = Files.write(
                temp.resolve("base.tar.gz"),
                new TestTar()
                        .dir("etc/", 0755)
                        .file("etc/passwd", "root:x:0:0::/root:/bin/sh\n")
                        .dir("var/cache/", 0755)
                        .file("var/cache/a", "a")
                        .file("var/cache/b", "b")
                        .file("usr/bin/tool", "tool", 04755, 0, 0)
                        .special("dev/null", TarConstants.LF_CHR, 1, 3)
                        .gzip());
        LayerBlob base = new LayerWriter(LayerOptions.defaults())
                .write(Changes.allAdded(unpack("base", baseBlob)), temp.resolve("base-ours.tar.gz"));
        Path work = temp.resolve("work");
        Files.createDirectories(work);
        LayerUnpacker.forLayers().apply(base.file(), RootPath.of(work));
        Snapshot before = Snapshot.of(work);
        Files.delete(work.resolve("etc/passwd"));
        Trees.delete(work.resolve("var/cache"));
        Files.createDirectories(work.resolve("var/cache"));
        Files.writeString(work.resolve("var/cache/c"), "c");
        Files.createLink(work.resolve("usr/bin/tool2"), work.resolve("usr/bin/tool"));
        Files.writeString(work.resolve("etc/" + "long-name-".repeat(20)), "long");
        LayerBlob top = new LayerWriter(LayerOptions.defaults())
                .write(Changes.between(before, Snapshot.of(work)), temp.resolve("top.tar.gz"));

        Path layout = ociLayout(List.of(base, top));
        Path bundle = temp.resolve("bundle");
        run("umoci", "unpack", "--image", layout + ":test", bundle.toString());
        assertEquals(TreeDescription.of(work), TreeDescription.of(bundle.resolve("rootfs")));
    }

    private Snapshot unpack(String name, Path blob) throws IOException {
        Path dir = Files.createDirectories(temp.resolve(name));
        LayerUnpacker.forLayers().apply(blob, RootPath.of(dir));
        return Snapshot.of(dir);
    }

    private Path ociLayout(List<LayerBlob> layers) throws IOException {
        Path layout = Files.createDirectories(temp.resolve("layout/blobs/sha256"))
                .getParent()
                .getParent();
        Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        List<String> diffIds = new ArrayList<>();
        List<String> descriptors = new ArrayList<>();
        for (LayerBlob layer : layers) {
            Files.copy(layer.file(), blob(layout, layer.digest()));
            diffIds.add("\"" + layer.diffId() + "\"");
            descriptors.add(descriptor(layer.mediaType(), layer.digest(), layer.size()));
        }
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{},\"rootfs\":{\"type\":\"layers\","
                        + "\"diff_ids\":[" + String.join(",", diffIds) + "]}}")
                .getBytes(StandardCharsets.UTF_8);
        String configDescriptor =
                descriptor("application/vnd.oci.image.config.v1+json", put(layout, config), config.length);
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                        + "\"config\":" + configDescriptor + ",\"layers\":[" + String.join(",", descriptors) + "]}")
                .getBytes(StandardCharsets.UTF_8);
        Digest manifestDigest = put(layout, manifest);
        Files.writeString(
                layout.resolve("index.json"),
                "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":"
                        + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + manifestDigest
                        + "\",\"size\":"
                        + manifest.length + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"test\"}}]}");
        return layout;
    }

    private static String descriptor(String mediaType, Digest digest, long size) {
        return "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + digest + "\",\"size\":" + size + "}";
    }

    private static Digest put(Path layout, byte[] content) throws IOException {
        Digest digest = Digest.sha256(content);
        Files.write(blob(layout, digest), content);
        return digest;
    }

    private static Path blob(Path layout, Digest digest) {
        return layout.resolve("blobs/sha256/" + digest.hex());
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }
}
