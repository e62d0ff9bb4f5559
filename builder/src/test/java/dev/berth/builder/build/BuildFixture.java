package dev.berth.builder.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.builder.image.ImageSources;
import dev.berth.builder.image.OciLayoutSource;
import dev.berth.builder.image.Platform;
import dev.berth.builder.runtime.Cancellation;
import dev.berth.builder.runtime.NetworkMode;
import dev.berth.builder.runtime.ResourceLimits;
import dev.berth.builder.runtime.runc.RuncOptions;
import dev.berth.builder.runtime.runc.RuncRuntime;
import dev.berth.core.egress.Egress;
import dev.berth.core.egress.EgressPolicy;
import dev.berth.core.egress.EgressSettings;
import dev.berth.core.egress.OwnAddresses;
import dev.berth.core.json.Json;
import dev.berth.core.oci.Digest;
import dev.berth.egress.JettyEgress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A builder on the real runtime for the engine's tests: base images from {@code registry.test/...} (the busybox
 * layout, whatever the repository) and {@code multi.test/...} (the amd64 + arm64 index), images this builder wrote from {@code built.test/...:TAG} once {@link #tag}ged,
 * contexts made from a map of files, and the produced config, layers and output of the image run with runc.
 */
final class BuildFixture {
    static final String BUSYBOX = "registry.test/busybox";
    /**
     * The default egress policy plus the name {@code localhost}: {@code ADD http://localhost:<port>/...} reaches a
     * test's server, {@code ADD http://127.0.0.1:<port>/...} is refused as any loopback address is by default.
     */
    static final Egress EGRESS =
            new JettyEgress(new EgressPolicy(EgressSettings.of(List.of("localhost"), false), new OwnAddresses()));

    final Path root;
    final RuncRuntime runtime;
    final ImageBuilder builder;
    private final Map<String, Digest> builtTags = new ConcurrentHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();

    BuildFixture(Path root) {
        try {
            this.root = root;
            this.runtime = new RuncRuntime(RuncOptions.defaults(root.resolve("runc")));
            this.builder = new ImageBuilder(runtime, root.resolve("state"), EGRESS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A fixture in a directory of its own, removed when the JVM exits: for a test class to share between its tests
     * (builds there never clash: each gets a fresh context, and cache hits give the same images).
     */
    static BuildFixture temporary() {
        try {
            Path directory = Files.createTempDirectory("berth-build-test-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> ImageBuilder.delete(directory)));
            return new BuildFixture(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ImageSources sources() {
        return registry -> switch (registry) {
            case "registry.test" -> OciLayoutSource.open(BusyboxLayout.path());
            case "multi.test" -> OciLayoutSource.open(BusyboxLayout.multiarch());
            case "built.test" -> new OciLayoutSource(builder.blobs(), builtTags);
            default -> throw new IOException("no registry " + registry + " in this test");
        };
    }

    /** Makes the image readable as {@code built.test/image:TAG}; returns that name. */
    String tag(String tag, BuildResult result) {
        builtTags.put(tag, result.manifestDigest());
        return "built.test/image:" + tag;
    }

    /** A fresh context directory holding the Dockerfile and the files given (path to content). */
    Path context(String dockerfile, Map<String, String> files) throws IOException {
        Path context = Files.createDirectories(root.resolve("context-" + counter.incrementAndGet()));
        Files.writeString(context.resolve("Dockerfile"), dockerfile);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = context.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        return context;
    }

    BuildResult build(String dockerfile) throws IOException, BuildException {
        return build(BuildRequest.of(context(dockerfile, Map.of())));
    }

    BuildResult build(String dockerfile, Map<String, String> files) throws IOException, BuildException {
        return build(BuildRequest.of(context(dockerfile, files)));
    }

    BuildResult build(BuildRequest request) throws BuildException {
        return build(request, new RecordingLog());
    }

    BuildResult build(BuildRequest request, RecordingLog log) throws BuildException {
        return builder.build(request, sources(), log, Cancellation.never());
    }

    JsonNode config(BuildResult result) throws IOException {
        return Json.parse(builder.blobs().read(result.configDigest()));
    }

    JsonNode manifest(BuildResult result) throws IOException {
        return Json.parse(builder.blobs().read(result.manifestDigest()));
    }

    /** The image's layer at {@code index} (negative: from the end), entry by entry. */
    LayerContents layer(BuildResult result, int index) throws IOException {
        JsonNode layers = manifest(result).path("layers");
        JsonNode layer = layers.get(index < 0 ? layers.size() + index : index);
        return LayerContents.read(
                builder.blobs().path(Digest.parse(layer.path("digest").asText())));
    }

    int layerCount(BuildResult result) throws IOException {
        return manifest(result).path("layers").size();
    }

    /** Runs the image as {@code docker run image args...} would, with runc; its output, which must succeed. */
    String run(BuildResult result, String... args) throws BuildException {
        RecordingLog log = new RecordingLog();
        ContainerRunner.Exit exit = runExit(result, log, args);
        assertEquals(0, exit.code(), "the image's command failed: " + log.output());
        return log.output();
    }

    ContainerRunner.Exit runExit(BuildResult result, RecordingLog log, String... args) throws BuildException {
        return runExit(result, ResourceLimits.none(), log, args);
    }

    ContainerRunner.Exit runExit(BuildResult result, ResourceLimits limits, RecordingLog log, String... args)
            throws BuildException {
        String image = tag("run-" + counter.incrementAndGet(), result);
        return new ContainerRunner(builder)
                .run(
                        image,
                        List.of(args),
                        sources(),
                        Platform.host(),
                        NetworkMode.NONE,
                        limits,
                        log,
                        Cancellation.never());
    }
}
