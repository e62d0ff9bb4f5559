package dev.berth.builder.build;

import dev.berth.core.oci.Digest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;

/**
 * The identity of a build state: the key of the state before, hashed with what a step does and what it reads. Two
 * builds that reach equal keys made equal layers, so the layer cache is keyed by it.
 */
public record CacheKey(Digest digest) {
    /** The key of a stage's starting point, such as {@code base sha256:...} or {@code scratch linux/amd64}. */
    public static CacheKey root(String description) {
        return new Builder(null).add(description).build();
    }

    /** A key derived from this one. */
    public Builder next() {
        return new Builder(this);
    }

    /** Collects the parts of a step's key; each part is separated from the next so that no two lists collide. */
    public static final class Builder {
        private final MessageDigest hasher = Digest.Algorithm.SHA256.newHasher();

        private Builder(CacheKey parent) {
            add(parent == null ? "" : parent.digest().toString());
        }

        public Builder add(String part) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            hasher.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            hasher.update((byte) ':');
            hasher.update(bytes);
            return this;
        }

        public Builder addAll(Collection<String> parts) {
            add(Integer.toString(parts.size()));
            parts.forEach(this::add);
            return this;
        }

        public CacheKey build() {
            return new CacheKey(Digest.fromHasher(Digest.Algorithm.SHA256, hasher));
        }
    }
}
