package dev.berth.builder.runtime;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A filesystem mounted into the process's view for the run only ({@code RUN --mount}); nothing written under a mount
 * lands in the root filesystem. Targets are absolute paths inside the container, created if missing.
 */
public sealed interface RunMount {

    /** The absolute path inside the container. */
    String target();

    /**
     * A host directory or file bound at the target. A cache mount ({@code type=cache}) is a read-write bind of a
     * directory the engine keeps per cache id; a secret or ssh mount is a read-only bind of a file.
     */
    record Bind(Path source, String target, boolean readOnly) implements RunMount {
        public Bind {
            Objects.requireNonNull(source, "source");
            requireAbsolute(target);
        }
    }

    /** An empty in-memory filesystem at the target, gone when the run ends. */
    record Tmpfs(String target, long sizeBytes) implements RunMount {
        public Tmpfs {
            requireAbsolute(target);
            if (sizeBytes < 0) {
                throw new IllegalArgumentException("tmpfs size must not be negative: " + sizeBytes);
            }
        }

        /** A tmpfs with the kernel's default size limit (half the memory). */
        public Tmpfs(String target) {
            this(target, 0);
        }
    }

    static Bind readOnly(Path source, String target) {
        return new Bind(source, target, true);
    }

    static Bind readWrite(Path source, String target) {
        return new Bind(source, target, false);
    }

    /** A cache directory kept by the engine between builds, bound read-write. */
    static Bind cache(Path directory, String target) {
        return new Bind(directory, target, false);
    }

    private static void requireAbsolute(String target) {
        if (target == null || !target.startsWith("/")) {
            throw new IllegalArgumentException("a mount target must be an absolute path: " + target);
        }
    }
}
