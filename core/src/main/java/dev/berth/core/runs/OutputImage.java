package dev.berth.core.runs;

import java.util.Objects;

/** An image a run pushed: where, and the digest of its manifest. */
public record OutputImage(String registry, String repository, String tag, String digest) {
    public OutputImage {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(digest, "digest");
    }
}
