package dev.berth.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** An OCI image layout on disk: its tagged top-level manifest or index, and its blobs by digest. */
record OciLayout(Path dir) {

    /** The transport reference skopeo, podman and buildah take for the layout's {@code latest} tag. */
    String reference() {
        return "oci:" + dir + ":latest";
    }

    /** The descriptor {@code index.json} lists first: the image or index the layout holds. */
    Descriptor top() {
        return Descriptor.of(JsonDoc.parse(read(dir.resolve("index.json")))
                .array("manifests")
                .getFirst());
    }

    byte[] topBytes() {
        return blob(top().digest());
    }

    byte[] blob(String digest) {
        return read(dir.resolve("blobs").resolve(digest.replace(':', '/')));
    }

    /** Every blob file under {@code blobs/sha256}, keyed by digest. */
    Map<String, byte[]> blobs() {
        Map<String, byte[]> blobs = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir.resolve("blobs/sha256"))) {
            files.forEach(file -> blobs.put("sha256:" + file.getFileName(), read(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return blobs;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
