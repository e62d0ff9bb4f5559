package dev.berth.builder.build;

import dev.berth.builder.dockerfile.Dockerfile;
import dev.berth.builder.dockerfile.DockerfileException;
import dev.berth.builder.dockerfile.Stage;
import dev.berth.builder.image.BaseImageResolver;
import dev.berth.builder.image.BlobDirectory;
import dev.berth.builder.image.ImageSources;
import dev.berth.builder.image.Platform;
import dev.berth.builder.layer.RootPath;
import dev.berth.builder.layer.Trees;
import dev.berth.builder.runtime.BuildRuntime;
import dev.berth.builder.runtime.Cancellation;
import dev.berth.core.egress.Egress;
import dev.berth.core.error.RegistryException;
import dev.berth.core.runs.FailureText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Builds images from Dockerfiles, with no daemon: the entry point of the builder library.
 *
 * <pre>{@code
 * ImageBuilder builder = new ImageBuilder(new RuncRuntime(RuncOptions.defaults(dir.resolve("runc"))), dir, egress);
 * BuildResult result = builder.build(BuildRequest.of(contextDir), sources, log, Cancellation.never());
 * // the image's manifest, config and layers are in builder.blobs()
 * }</pre>
 *
 * <p>The state directory holds the blob directory (an OCI layout's {@code blobs/}), the layer cache, the directories
 * of cache mounts, and each build's work directory (root filesystems), removed when the build ends. One builder may
 * run builds concurrently.
 */
public final class ImageBuilder {
    private final BuildSession.Services services;
    private static final System.Logger LOG = System.getLogger(ImageBuilder.class.getName());

    private final Path workRoot;
    private final Path stateDirectory;

    /**
     * How paths of this builder's on the server are shown to the user: under the build context relative to it, in a
     * root filesystem as the image's paths, in a build's view of the context relative to it, anything else of the
     * builder's state by its last name. Every failure a build ends with goes through it.
     */
    public FailureText hostPaths(Path context) {
        String work = FailureText.quoted(workRoot) + "/[^/\\s]+";
        return FailureText.plain()
                .relativeTo(context)
                .insideMatching(work + "/rootfs-[^/\\s]+")
                .relativeToMatching(work + "/context-view")
                .hiding(stateDirectory);
    }

    /**
     * @param egress the way out of {@code ADD <url>} downloads: its policy decides which addresses a build may fetch
     *     from (base images come through the {@code ImageSources} of each build)
     */
    public ImageBuilder(BuildRuntime runtime, Path stateDirectory, Egress egress) throws IOException {
        BlobDirectory blobs = new BlobDirectory(stateDirectory.resolve("layout"));
        this.services = new BuildSession.Services(
                runtime,
                blobs,
                new BuildCache(stateDirectory.resolve("cache"), blobs),
                stateDirectory.resolve("mounts"),
                egress);
        this.workRoot = stateDirectory.resolve("work");
        this.stateDirectory = stateDirectory;
        sweep(stateDirectory);
        Files.createDirectories(workRoot);
    }

    /**
     * Removes what a killed process left behind in the state directory (one process per state directory): build
     * work directories with their root filesystems, half-written blobs, half-written cache entries.
     */
    private static void sweep(Path state) throws IOException {
        for (Path directory :
                List.of(state.resolve("work"), state.resolve("layout").resolve("tmp"))) {
            if (Files.isDirectory(directory)) {
                try (Stream<Path> leftovers = Files.list(directory)) {
                    for (Path leftover : leftovers.toList()) {
                        Trees.delete(leftover);
                    }
                }
            }
        }
        Path cache = state.resolve("cache");
        if (Files.isDirectory(cache)) {
            try (Stream<Path> entries = Files.list(cache)) {
                for (Path part : entries.filter(p -> p.getFileName().toString().endsWith(".part"))
                        .toList()) {
                    Files.deleteIfExists(part);
                }
            }
        }
    }

    BuildSession.Services services() {
        return services;
    }

    Path workRoot() {
        return workRoot;
    }

    /** Where built images' blobs are, by digest. */
    public BlobDirectory blobs() {
        return services.blobs();
    }

    /** A reader of base images from these sources into this builder's blob directory. */
    public BaseImageResolver resolver(ImageSources sources) {
        return new BaseImageResolver(sources, services.blobs());
    }

    /**
     * Builds the request's target, reading base images from {@code sources}; the image's blobs are in {@link
     * #blobs()} afterwards.
     */
    public BuildResult build(BuildRequest request, ImageSources sources, BuildLog log, Cancellation cancellation)
            throws BuildException {
        try {
            return buildUnmasked(request, sources, log, cancellation);
        } catch (BuildException e) {
            FailureText shown = hostPaths(request.context());
            throw e.masked(text -> shown.apply(BuildSession.mask(request, text)));
        }
    }

    private BuildResult buildUnmasked(
            BuildRequest request, ImageSources sources, BuildLog log, Cancellation cancellation) throws BuildException {
        Path workDir = null;
        try {
            Dockerfile dockerfile = read(request);
            Map<String, String> args = withPlatformArgs(request);
            workDir = Files.createTempDirectory(workRoot, "build-");
            BuildSession session = new BuildSession(
                    request,
                    dockerfile,
                    services,
                    resolver(sources),
                    log,
                    cancellation,
                    workDir,
                    dockerfile.globalScope(args));
            List<Stage> stages = dockerfile.stagesFor(request.target(), args);
            StageState last = null;
            int step = 1;
            for (Stage stage : stages) {
                StageBuilder builder = new StageBuilder(session, stage, step);
                last = builder.build();
                step = builder.nextStepNumber();
                session.finish(stage.index(), last);
            }
            return finish(session, last);
        } catch (DockerfileException e) {
            throw new BuildException(e.getMessage(), e);
        } catch (IOException e) {
            throw new BuildException("the build failed: " + FailureText.describe(e), e);
        } catch (RegistryException e) {
            // a registry refused what the build asked of it (a base image unknown, denied): its message is for users
            throw new BuildException("the build failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // a bug of the builder's, not the Dockerfile's: still one clear failure, never an escaped exception
            LOG.log(System.Logger.Level.ERROR, "a build failed unexpectedly", e);
            throw new BuildException("the build failed unexpectedly (the server's log has the details)", e);
        } finally {
            delete(workDir);
        }
    }

    /**
     * Writes the final image, or finds it: an image is cached under its final key (which covers the base, every
     * step and what each read), so an unchanged rebuild gives the very same digest, as BuildKit's does.
     */
    private BuildResult finish(BuildSession session, StageState last) throws IOException {
        if (last.base().isPresent()) {
            session.bases.fetchLayers(last.base().get());
        }
        ImageFormat format = session.request.format();
        CacheKey imageKey = last.key()
                .next()
                .add("IMAGE")
                .add(format.name())
                .add(session.request.sourceDateEpoch().map(Object::toString).orElse(""))
                .add(last.base().map(b -> b.reference() + " " + b.baseDigest()).orElse(""))
                .build();
        Optional<BuildCache.Image> cached =
                session.request.noCache() ? Optional.empty() : services.cache().findImage(imageKey);
        BuildCache.Image image;
        if (cached.isPresent()) {
            image = cached.get();
        } else {
            ImageWriter.Written written = ImageWriter.write(last, format, session.created, services.blobs());
            image = new BuildCache.Image(written.manifestDigest(), written.configDigest());
            services.cache().putImage(imageKey, image);
        }
        session.log.line("writing image " + image.manifest() + " done");
        return new BuildResult(image.manifest(), format.manifestType(), image.config(), last.base(), session.steps());
    }

    private static Dockerfile read(BuildRequest request) throws IOException, BuildException {
        Path file;
        try {
            file = RootPath.of(request.context()).resolve("/" + request.dockerfile());
        } catch (IllegalArgumentException e) {
            throw new BuildException(
                    "the Dockerfile path " + request.dockerfile() + " is not usable: " + e.getMessage());
        }
        try {
            return Dockerfile.parse(Files.readString(file), request.dockerfile());
        } catch (NoSuchFileException e) {
            throw new BuildException("no Dockerfile: " + request.dockerfile() + " is not in the build context");
        }
    }

    /**
     * The build arguments with BuildKit's automatic platform arguments under them ({@code TARGETPLATFORM}, {@code
     * TARGETOS}, {@code TARGETARCH}, {@code TARGETVARIANT}, {@code BUILDPLATFORM}, {@code BUILDOS}, {@code
     * BUILDARCH}): what the global scope and the choice of stages both start from.
     */
    private static Map<String, String> withPlatformArgs(BuildRequest request) {
        Map<String, String> args = new LinkedHashMap<>(platformArgs("TARGET", request.platform()));
        args.putAll(platformArgs("BUILD", Platform.host()));
        args.putAll(request.buildArgs());
        return args;
    }

    private static Map<String, String> platformArgs(String prefix, Platform platform) {
        Map<String, String> args = new LinkedHashMap<>();
        args.put(prefix + "PLATFORM", platform.toString());
        args.put(prefix + "OS", platform.os());
        args.put(prefix + "ARCH", platform.architecture());
        if (prefix.equals("TARGET")) {
            args.put(prefix + "VARIANT", platform.variant());
        }
        return args;
    }

    static void delete(Path directory) {
        if (directory == null) {
            return;
        }
        try {
            Trees.delete(directory);
        } catch (IOException e) {
            System.getLogger("berth.builder")
                    .log(System.Logger.Level.WARNING, "could not remove build directory " + directory + ": " + e);
        }
    }
}
