package dev.berth.core.oci;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import java.util.Optional;

/** The reference part of a manifest URL: either a tag or a digest, never both. */
public sealed interface Reference {
    record ByTag(Tag tag) implements Reference {
        @Override
        public String toString() {
            return tag.value();
        }
    }

    record ByDigest(Digest digest) implements Reference {
        @Override
        public String toString() {
            return digest.toString();
        }
    }

    /** Parses a reference; anything with a colon is taken as a digest. */
    static Reference parse(String text) {
        if (Digest.looksLikeDigest(text)) {
            return new ByDigest(Digest.parse(text));
        }
        if (!Tag.isValid(text)) {
            throw new RegistryException(ErrorCode.MANIFEST_INVALID, "invalid tag or digest: " + Digest.truncate(text));
        }
        return new ByTag(new Tag(text));
    }

    default Optional<Tag> asTag() {
        return this instanceof ByTag t ? Optional.of(t.tag()) : Optional.empty();
    }

    default Optional<Digest> asDigest() {
        return this instanceof ByDigest d ? Optional.of(d.digest()) : Optional.empty();
    }
}
