package dev.berth.builder.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.builder.image.BlobDirectory;
import dev.berth.builder.image.OciLayoutSource;
import dev.berth.builder.layer.LayerUnpacker;
import dev.berth.builder.layer.RootPath;
import dev.berth.builder.runtime.Cancellation;
import dev.berth.builder.runtime.OutputSink;
import dev.berth.builder.runtime.RunResult;
import dev.berth.builder.runtime.RunSpec;
import dev.berth.builder.runtime.RuncOptions;
import dev.berth.builder.runtime.RuncRuntime;
import dev.berth.core.json.Json;
import dev.berth.core.oci.Digest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine end to end on the real runtime: multi-stage builds from busybox, the cache, failures. */
class ImageBuilderTest {
    private static final String MULTI_STAGE = """
            ARG GREETING=hello
            FROM registry.test/busybox AS build
            ARG GREETING
            ENV OUT=/out
            WORKDIR /src
            COPY greet.sh .
            RUN mkdir -p $OUT && sh greet.sh "$GREETING" > $OUT/message && chmod 0644 $OUT/message
            RUN echo built by $(id -u) > $OUT/who

            FROM registry.test/busybox
            LABEL org.example.purpose=test
            ENV APP_HOME=/app
            WORKDIR $APP_HOME
            COPY --from=build /out/ ./
            RUN adduser -D -u 1000 app 2>/dev/null || echo 'app:x:1000:1000::/app:/bin/sh' >> /etc/passwd
            USER app
            EXPOSE 8080
            CMD ["cat", "message"]
            """;

    @TempDir
    Path temp;

    private Path context;
    private ImageBuilder builder;
    private RuncRuntime runtime;
    private dev.berth.builder.image.ImageSources sources;

    @BeforeEach
    void setUp() throws IOException {
        context = Files.createDirectories(temp.resolve("context"));
        Files.writeString(context.resolve("greet.sh"), "echo \"$1 from the build stage\"\n");
        Files.writeString(context.resolve("Dockerfile"), MULTI_STAGE);
        runtime = new RuncRuntime(RuncOptions.defaults(temp.resolve("runc")));
        OciLayoutSource busybox = OciLayoutSource.open(BusyboxLayout.path());
        sources = registry -> busybox;
        builder = new ImageBuilder(runtime, temp.resolve("state"));
    }

    @Test
    void buildsAMultiStageImageThatRuns() throws Exception {
        RecordingLog log = new RecordingLog();
        BuildResult result = builder.build(
                BuildRequest.of(context).withBuildArgs(Map.of("GREETING", "hi"), Set.of()),
                sources,
                log,
                Cancellation.never());

        JsonNode config = config(result);
        assertEquals("app", config.at("/config/User").asText());
        assertEquals("/app", config.at("/config/WorkingDir").asText());
        assertTrue(config.at("/config/Env").toString().contains("APP_HOME=/app"));
        assertTrue(config.at("/config/ExposedPorts").has("8080/tcp"));
        assertEquals("test", config.at("/config/Labels/org.example.purpose").asText());
        assertEquals("[\"cat\",\"message\"]", config.at("/config/Cmd").toString());
        JsonNode manifest = Json.parse(builder.blobs().read(result.manifestDigest()));
        assertTrue(manifest.at("/annotations/org.opencontainers.image.base.digest")
                .asText()
                .startsWith("sha256:"));
        assertEquals(
                config.at("/rootfs/diff_ids").size(), manifest.at("/layers").size());

        assertEquals("hi from the build stage\n", runImage(result, List.of("cat", "message")));
        assertEquals("built by 0\n", runImage(result, List.of("cat", "who")));
        assertEquals("1000\n", runImage(result, List.of("id", "-u")));
    }

    @Test
    void anUnchangedRebuildTakesEveryStepFromTheCache() throws Exception {
        BuildResult first = builder.build(BuildRequest.of(context), sources, new RecordingLog(), Cancellation.never());
        RecordingLog again = new RecordingLog();
        long started = System.nanoTime();
        BuildResult second = builder.build(BuildRequest.of(context), sources, again, Cancellation.never());
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertEquals(0, second.steps().executed(), again.lines.toString());
        assertTrue(second.steps().cached() >= 6, again.lines.toString());
        assertTrue(millis < 1000, "a cached rebuild took " + millis + " ms");
        assertEquals(
                config(first).at("/rootfs").toString(),
                config(second).at("/rootfs").toString());
    }

    @Test
    void aChangedFileRebuildsOnlyWhatFollowsIt() throws Exception {
        builder.build(BuildRequest.of(context), sources, new RecordingLog(), Cancellation.never());
        Files.writeString(context.resolve("greet.sh"), "echo \"$1, changed\"\n");
        RecordingLog log = new RecordingLog();
        BuildResult result = builder.build(BuildRequest.of(context), sources, log, Cancellation.never());

        assertTrue(result.steps().cached() >= 1, log.lines.toString());
        assertTrue(result.steps().executed() >= 3, log.lines.toString());
        assertEquals("hello, changed\n", runImage(result, List.of("cat", "message")));
    }

    @Test
    void aFailingRunNamesItsLineAndExitCode() throws IOException {
        Files.writeString(context.resolve("Dockerfile"), "FROM registry.test/busybox\nRUN true\nRUN exit 3\n");
        BuildException failure = assertThrows(
                BuildException.class,
                () -> builder.build(BuildRequest.of(context), sources, new RecordingLog(), Cancellation.never()));
        assertTrue(failure.getMessage().startsWith("Dockerfile:3: "), failure.getMessage());
        assertTrue(failure.getMessage().contains("exit code 3"), failure.getMessage());
    }

    @Test
    void aMissingFileNamesItsLine() throws IOException {
        Files.writeString(context.resolve("Dockerfile"), "FROM registry.test/busybox\nCOPY nothing-here /x\n");
        BuildException failure = assertThrows(
                BuildException.class,
                () -> builder.build(BuildRequest.of(context), sources, new RecordingLog(), Cancellation.never()));
        assertTrue(failure.getMessage().startsWith("Dockerfile:2: "), failure.getMessage());
        assertTrue(failure.getMessage().contains("nothing-here"), failure.getMessage());
    }

    @Test
    void theNetworkIsOffUnlessAskedFor() throws Exception {
        Files.writeString(
                context.resolve("Dockerfile"),
                "FROM registry.test/busybox\nRUN cat /proc/net/dev | tail -n +3 | cut -d: -f1 | tr -d ' ' > /ifaces\n");
        BuildResult result = builder.build(BuildRequest.of(context), sources, new RecordingLog(), Cancellation.never());
        assertEquals("lo\n", runImage(result, List.of("cat", "/ifaces")));
    }

    /** Unpacks the image's layers into a fresh directory and runs a command there with runc. */
    private String runImage(BuildResult result, List<String> command) throws Exception {
        JsonNode manifest = Json.parse(builder.blobs().read(result.manifestDigest()));
        Path rootfs = Files.createTempDirectory(temp, "run-");
        List<Path> layers = new ArrayList<>();
        for (JsonNode layer : manifest.path("layers")) {
            layers.add(builder.blobs().path(Digest.parse(layer.path("digest").asText())));
        }
        LayerUnpacker.forLayers().applyAll(layers, RootPath.of(rootfs));
        JsonNode config = config(result);
        List<String> env = new ArrayList<>();
        config.at("/config/Env").forEach(e -> env.add(e.asText()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputSink sink = (channel, chunk) -> out.writeBytes(chunk);
        RunResult run = runtime.run(
                RunSpec.of(rootfs, command)
                        .withEnv(env)
                        .withWorkingDir(config.at("/config/WorkingDir").asText("/"))
                        .withUser(config.at("/config/User").asText("")),
                sink);
        assertTrue(run.succeeded(), "the image's command failed: " + out.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private JsonNode config(BuildResult result) throws IOException {
        BlobDirectory blobs = builder.blobs();
        return Json.parse(blobs.read(result.configDigest()));
    }
}
