package dev.berth.core.imports;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.oci.Digest;
import dev.berth.core.oci.Reference;
import dev.berth.core.oci.RepositoryName;
import dev.berth.core.oci.Tag;

/** The image an import reads, {@code repo[:tag]} or {@code repo@sha256:...}, as ARM's {@code sourceImage} gives it. */
public record SourceImage(RepositoryName repository, Reference reference) {
    /**
     * Parses {@code repo}, {@code repo:tag} or {@code repo@digest} (a tag before a digest is ignored, as Docker does).
     * Without either, the tag is {@code latest}.
     */
    public static SourceImage parse(String text) {
        if (text == null || text.isBlank()) {
            throw new RegistryException(ErrorCode.INVALID_REQUEST, "source.sourceImage is required");
        }
        String image = text.trim();
        int at = image.indexOf('@');
        if (at >= 0) {
            Digest digest = Digest.parse(image.substring(at + 1));
            return new SourceImage(repository(withoutTag(image.substring(0, at))), new Reference.ByDigest(digest));
        }
        String name = withoutTag(image);
        String tag = name.length() == image.length() ? "latest" : image.substring(name.length() + 1);
        return new SourceImage(repository(name), new Reference.ByTag(new Tag(tag)));
    }

    /** The tag, when the image is named by one. */
    public java.util.Optional<Tag> tag() {
        return reference.asTag();
    }

    /** The name before a {@code :tag}; a colon before the last slash would be a port, which names no tag. */
    static String withoutTag(String image) {
        int colon = image.lastIndexOf(':');
        return colon > image.lastIndexOf('/') ? image.substring(0, colon) : image;
    }

    private static RepositoryName repository(String name) {
        return new RepositoryName(name);
    }

    @Override
    public String toString() {
        return repository + (reference instanceof Reference.ByDigest ? "@" : ":") + reference;
    }
}
