package dev.berth.builder.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.builder.runtime.Cancellation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private BuildFixture fixture;
    private ImageBuilder builder;
    private dev.berth.builder.image.ImageSources sources;

    @BeforeEach
    void setUp() throws IOException {
        fixture = new BuildFixture(temp);
        context = fixture.context(MULTI_STAGE, Map.of("greet.sh", "echo \"$1 from the build stage\"\n"));
        sources = fixture.sources();
        builder = fixture.builder;
    }

    @Test
    void buildsAMultiStageImageThatRuns() throws Exception {
        RecordingLog log = new RecordingLog();
        BuildResult result = builder.build(
                BuildRequest.of(context).withBuildArgs(Map.of("GREETING", "hi"), Set.of()),
                sources,
                log,
                Cancellation.never());

        JsonNode config = fixture.config(result);
        assertEquals("app", config.at("/config/User").asText());
        assertEquals("/app", config.at("/config/WorkingDir").asText());
        assertTrue(config.at("/config/Env").toString().contains("APP_HOME=/app"));
        assertTrue(config.at("/config/ExposedPorts").has("8080/tcp"));
        assertEquals("test", config.at("/config/Labels/org.example.purpose").asText());
        assertEquals("[\"cat\",\"message\"]", config.at("/config/Cmd").toString());
        JsonNode manifest = fixture.manifest(result);
        assertTrue(manifest.at("/annotations/org.opencontainers.image.base.digest")
                .asText()
                .startsWith("sha256:"));
        assertEquals(
                config.at("/rootfs/diff_ids").size(), manifest.at("/layers").size());

        assertEquals("hi from the build stage\n", fixture.run(result, "cat", "message"));
        assertEquals("built by 0\n", fixture.run(result, "cat", "who"));
        assertEquals("1000\n", fixture.run(result, "id", "-u"));
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
                fixture.config(first).at("/rootfs").toString(),
                fixture.config(second).at("/rootfs").toString());
    }

    @Test
    void aChangedFileRebuildsOnlyWhatFollowsIt() throws Exception {
        builder.build(BuildRequest.of(context), sources, new RecordingLog(), Cancellation.never());
        Files.writeString(context.resolve("greet.sh"), "echo \"$1, changed\"\n");
        RecordingLog log = new RecordingLog();
        BuildResult result = builder.build(BuildRequest.of(context), sources, log, Cancellation.never());

        assertTrue(result.steps().cached() >= 1, log.lines.toString());
        assertTrue(result.steps().executed() >= 3, log.lines.toString());
        assertEquals("hello, changed\n", fixture.run(result, "cat", "message"));
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
        assertEquals("lo\n", fixture.run(result, "cat", "/ifaces"));
    }
}
