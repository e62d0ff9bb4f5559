package dev.berth.tasks.build;

import dev.berth.builder.build.ImageBuilder;
import dev.berth.builder.runtime.BuildRuntime;
import dev.berth.core.egress.Egress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One image builder per registry, each with its own blobs, layer cache and cache mounts under {@code
 * <state>/registries/<id>}: registries are tenants, and a shared builder would let one read another's private base
 * layers (a blob already on disk is not fetched again, so not checked against the registry it came from) or its
 * {@code RUN --mount=type=cache} directories. Builds of one registry share theirs, as BuildKit's do.
 */
public final class RegistryBuilders {
    private final BuildRuntime runtime;
    private final Path state;
    private final Egress egress;
    private final ConcurrentHashMap<Long, ImageBuilder> builders = new ConcurrentHashMap<>();

    /** @param egress the way out of the builds' {@code ADD <url>} downloads */
    public RegistryBuilders(BuildRuntime runtime, Path state, Egress egress) {
        this.runtime = runtime;
        this.state = state;
        this.egress = egress;
    }

    /** The builder of one registry, made on first use. */
    public ImageBuilder of(long registryId) {
        return builders.computeIfAbsent(registryId, id -> {
            try {
                return new ImageBuilder(runtime, state.resolve("registries").resolve(Long.toString(id)), egress);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
