package dev.berth.it;

import java.util.Arrays;

/**
 * Pushes blobs and manifests over the OCI Distribution API in any {@link UploadStyle}, checking each answer. A
 * refusal fails with the registry's answer; a broken connection is an {@link java.io.UncheckedIOException}.
 */
final class ImagePusher {
    private static final String OCTETS = "application/octet-stream";

    private final RegistryClient registry;

    ImagePusher(RegistryClient registry) {
        this.registry = registry;
    }

    /** Uploads the blob into the repository in the given style and returns its digest. */
    String pushBlob(String repository, byte[] content, UploadStyle style) {
        String digest = Digests.sha256(content);
        String uploads = "/v2/" + repository + "/blobs/uploads/";
        if (style == UploadStyle.MONOLITHIC_POST) {
            registry.post(uploads + "?digest=" + digest, content, "Content-Type", OCTETS)
                    .expect(201);
            return digest;
        }
        String location = registry.post(uploads, new byte[0]).expect(202).header("Location");
        finish(location, digest, content, style);
        return digest;
    }

    /** Mounts the blob from another repository, uploading it through the offered session when the mount is refused. */
    String mountBlob(String repository, String from, byte[] content) {
        String digest = Digests.sha256(content);
        Reply reply =
                registry.post("/v2/" + repository + "/blobs/uploads/?mount=" + digest + "&from=" + from, new byte[0]);
        if (reply.status() != 201) {
            finish(reply.expect(202).header("Location"), digest, content, UploadStyle.POST_THEN_PUT);
        }
        return digest;
    }

    /** Whether the repository already holds the blob, as clients ask before uploading. */
    boolean hasBlob(String repository, String digest) {
        return registry.head("/v2/" + repository + "/blobs/" + digest).status() == 200;
    }

    /** PUTs the manifest under the reference and returns the digest the registry answered with. */
    String pushManifest(String repository, String reference, String mediaType, byte[] manifest) {
        return registry.put("/v2/" + repository + "/manifests/" + reference, manifest, "Content-Type", mediaType)
                .expect(201)
                .header("Docker-Content-Digest");
    }

    /** Pushes the image of an OCI layout (its blobs, then its manifest) under a tag. */
    void pushLayout(String repository, String tag, OciLayout layout) {
        Descriptor top = layout.top();
        for (Descriptor blob : Descriptor.referencedBy(layout.topBytes())) {
            pushBlob(repository, layout.blob(blob.digest()), UploadStyle.POST_PATCH_PUT);
        }
        pushManifest(repository, tag, top.mediaType(), layout.topBytes());
    }

    private void finish(String location, String digest, byte[] content, UploadStyle style) {
        switch (style) {
            case POST_THEN_PUT ->
                registry.put(withQuery(location, "digest=" + digest), content, "Content-Type", OCTETS)
                        .expect(201);
            case POST_PATCH_PUT -> {
                String next = registry.patch(location, content, "Content-Type", OCTETS)
                        .expect(202)
                        .header("Location");
                registry.put(withQuery(next, "digest=" + digest), new byte[0]).expect(201);
            }
            case CHUNKED -> {
                if (content.length < 2) {
                    throw new IllegalArgumentException("two chunks need two bytes at least");
                }
                int half = content.length / 2;
                String next = patchRange(location, content, 0, half);
                next = patchRange(next, content, half, content.length);
                registry.put(withQuery(next, "digest=" + digest), new byte[0]).expect(201);
            }
            case MONOLITHIC_POST -> throw new IllegalArgumentException("a monolithic POST has no session to finish");
        }
    }

    private String patchRange(String location, byte[] content, int from, int to) {
        byte[] chunk = Arrays.copyOfRange(content, from, to);
        return registry.patch(location, chunk, "Content-Type", OCTETS, "Content-Range", from + "-" + (to - 1))
                .expect(202)
                .header("Location");
    }

    private static String withQuery(String location, String parameter) {
        return location + (location.contains("?") ? "&" : "?") + parameter;
    }
}
