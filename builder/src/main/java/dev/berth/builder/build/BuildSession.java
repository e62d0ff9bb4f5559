package dev.berth.builder.build;

import dev.berth.builder.dockerfile.Dockerfile;
import dev.berth.builder.dockerfile.Location;
import dev.berth.builder.dockerfile.Substitution;
import dev.berth.builder.image.BaseImageResolver;
import dev.berth.builder.image.BlobDirectory;
import dev.berth.builder.layer.LayerBlob;
import dev.berth.builder.layer.LayerOptions;
import dev.berth.builder.runtime.BuildRuntime;
import dev.berth.builder.runtime.Cancellation;
import dev.berth.core.egress.Egress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one build shares between its steps: the request, the parsed Dockerfile, the services (runtime, base
 * images, blobs, cache), the log, the finished stages, and the work directory whose root filesystems are removed
 * when the build ends.
 */
final class BuildSession {
    final BuildRequest request;
    final Dockerfile dockerfile;
    final Substitution substitution;
    final BuildRuntime runtime;
    final BaseImageResolver bases;
    final BlobDirectory blobs;
    final BuildCache cache;
    final Egress egress;
    final BuildLog log;
    final Cancellation cancellation;
    final Path workDir;
    final SourceTree context;
    final Instant created;
    final Map<String, String> globalArgs;
    private final Path mountCache;
    private final Map<Integer, StageState> finished = new HashMap<>();
    private final Map<dev.berth.core.oci.Digest, Rootfs> imageRootfs = new HashMap<>();
    private Path contextView;
    private int executed;
    private int cached;

    BuildSession(
            BuildRequest request,
            Dockerfile dockerfile,
            Services services,
            BaseImageResolver bases,
            BuildLog log,
            Cancellation cancellation,
            Path workDir,
            Map<String, String> globalArgs)
            throws IOException {
        this.request = request;
        this.dockerfile = dockerfile;
        this.substitution = Substitution.of(dockerfile.directives());
        this.runtime = services.runtime();
        this.bases = bases;
        this.blobs = services.blobs();
        this.cache = services.cache();
        this.egress = services.egress();
        this.mountCache = services.mountCache();
        this.log = log;
        this.cancellation = cancellation;
        this.workDir = workDir;
        this.context = SourceTree.context(request.context());
        this.created = request.sourceDateEpoch().orElseGet(Instant::now);
        this.globalArgs = Map.copyOf(globalArgs);
    }

    /**
     * The engine's collaborators, shared by every build of one builder.
     *
     * @param mountCache where {@code RUN --mount=type=cache} directories live between builds
     * @param egress the way out of {@code ADD <url>}, under the installation's egress policy
     */
    record Services(BuildRuntime runtime, BlobDirectory blobs, BuildCache cache, Path mountCache, Egress egress) {}

    Path mountCache() {
        return mountCache;
    }

    void finish(int stageIndex, StageState state) {
        finished.put(stageIndex, state);
    }

    /**
     * The build context as RUN bind mounts see it: a copy (hard links where the file system allows) of what
     * {@code .dockerignore} leaves in, made once per build, so a bind shows no more than COPY could take.
     */
    Path contextView() throws IOException {
        if (contextView == null) {
            Path view = Files.createDirectories(workDir.resolve("context-view"));
            for (CopySource source : CopyPlan.of(context, List.of("."), true).sources()) {
                ContextViews.place(source, view.resolve(source.relativeTarget()));
            }
            contextView = view;
        }
        return contextView;
    }

    /** Makes a root filesystem, or fails reading one. */
    @FunctionalInterface
    interface RootfsMaker {
        Rootfs make() throws IOException;
    }

    /** The root filesystem of an image {@code COPY --from} reads, unpacked once per build however many steps read it. */
    Rootfs imageRootfs(dev.berth.core.oci.Digest manifest, RootfsMaker maker) throws IOException {
        Rootfs rootfs = imageRootfs.get(manifest);
        if (rootfs == null) {
            rootfs = maker.make();
            imageRootfs.put(manifest, rootfs);
        }
        return rootfs;
    }

    /** A stage built earlier in this build; a stage left out of the build (it should not be) fails at the line. */
    StageState finished(int stageIndex, Location at) throws BuildException {
        StageState state = finished.get(stageIndex);
        if (state == null) {
            throw BuildException.at(at, "stage " + stageIndex + " was not built before it is used");
        }
        return state;
    }

    LayerOptions layerOptions() {
        LayerOptions options = LayerOptions.defaults();
        return request.sourceDateEpoch().map(options::withSourceDateEpoch).orElse(options);
    }

    /** Stores a written layer blob in the blob directory and returns the stage's view of it. */
    Layer adopt(LayerBlob blob) throws IOException {
        blobs.adopt(blob.file(), blob.digest());
        return new Layer(blob.mediaType(), blob.digest(), blob.diffId(), blob.size());
    }

    /**
     * The text with every secret build argument's value (of three characters or more) replaced by {@code *****}:
     * for error messages and history, wherever a value may have been expanded into them.
     */
    String mask(String text) {
        return mask(request, text);
    }

    static String mask(BuildRequest request, String text) {
        String masked = text;
        for (String name : request.secretArgs()) {
            String value = request.buildArgs().get(name);
            if (masked != null && value != null && value.length() >= 3) {
                masked = masked.replace(value, "*****");
            }
        }
        return masked;
    }

    void checkCancelled() throws BuildException {
        if (cancellation.isCancelled()) {
            throw BuildException.cancelled();
        }
    }

    void countExecuted() {
        executed++;
    }

    void countCached() {
        cached++;
    }

    BuildResult.Steps steps() {
        return new BuildResult.Steps(executed, cached);
    }
}
