package dev.berth.builder.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.core.json.Json;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The config-only instructions, checked in the config the build wrote and by running the image. */
class ConfigInstructionsTest {
    private static final String DOCKERFILE = """
            FROM registry.test/busybox
            MAINTAINER Jane <jane@example.com>
            ARG VERSION=1.2
            ENV A=1 B="two words"
            ENV C ${A}-$B
            ENV D=${MISSING:-fallback} E=$VERSION
            LABEL org.example.one=1 "org.example.two"="a b"
            EXPOSE 80 53/udp
            VOLUME ["/data", "/logs"]
            VOLUME /cache
            STOPSIGNAL SIGTERM
            HEALTHCHECK --interval=30s --timeout=5s --start-period=1m --retries=3 CMD ["true"]
            USER nobody
            WORKDIR /srv
            ENTRYPOINT ["echo", "entry"]
            CMD ["cmd-arg"]
            """;

    private static final BuildFixture fixture = BuildFixture.temporary();
    private static BuildResult result;
    private static JsonNode config;

    @BeforeAll
    static void buildOnce() throws Exception {
        result = fixture.build(DOCKERFILE);
        config = fixture.config(result);
    }

    @Test
    void envTakesBothFormsAndExpandsEarlierValues() {
        assertEquals(
                List.of("PATH=/bin", "A=1", "B=two words", "C=1-two words", "D=fallback", "E=1.2"),
                texts(config.at("/config/Env")));
    }

    @Test
    void labelsExposedPortsVolumesAndStopSignal() {
        assertEquals("1", config.at("/config/Labels/org.example.one").asText());
        assertEquals("a b", config.at("/config/Labels/org.example.two").asText());
        assertEquals(List.of("53/udp", "80/tcp"), sortedNames(config.at("/config/ExposedPorts")));
        assertEquals(List.of("/cache", "/data", "/logs"), sortedNames(config.at("/config/Volumes")));
        assertEquals("SIGTERM", config.at("/config/StopSignal").asText());
    }

    @Test
    void healthcheckDurationsAreNanoseconds() {
        JsonNode check = config.at("/config/Healthcheck");
        assertEquals("[\"CMD\",\"true\"]", check.path("Test").toString());
        assertEquals(30_000_000_000L, check.path("Interval").asLong());
        assertEquals(5_000_000_000L, check.path("Timeout").asLong());
        assertEquals(60_000_000_000L, check.path("StartPeriod").asLong());
        assertEquals(3, check.path("Retries").asInt());
    }

    @Test
    void userWorkdirEntrypointCmdAndMaintainer() {
        assertEquals("nobody", config.at("/config/User").asText());
        assertEquals("/srv", config.at("/config/WorkingDir").asText());
        assertEquals("[\"echo\",\"entry\"]", config.at("/config/Entrypoint").toString());
        assertEquals("[\"cmd-arg\"]", config.at("/config/Cmd").toString());
        assertEquals("Jane <jane@example.com>", config.path("author").asText());
    }

    @Test
    void historyHasOneEntryPerInstructionAndEmptyLayersForConfigOnlyOnes() throws Exception {
        JsonNode history = config.path("history");
        assertEquals(1 + 15, history.size(), history.toString());
        int layers = 0;
        for (int i = 1; i < history.size(); i++) {
            JsonNode entry = history.get(i);
            boolean workdir = entry.path("created_by").asText().startsWith("WORKDIR");
            assertEquals(!workdir, entry.path("empty_layer").asBoolean(false), entry.toString());
            layers += workdir ? 1 : 0;
        }
        assertEquals(1 + layers, config.at("/rootfs/diff_ids").size());
        assertEquals(1 + layers, fixture.layerCount(result));
    }

    @Test
    void theManifestNamesItsBaseImage() throws Exception {
        JsonNode annotations = fixture.manifest(result).path("annotations");
        JsonNode index = Json.parse(Files.readAllBytes(BusyboxLayout.path().resolve("index.json")));
        assertEquals(
                index.at("/manifests/0/digest").asText(),
                annotations.path("org.opencontainers.image.base.digest").asText());
        assertTrue(
                annotations.path("org.opencontainers.image.base.name").asText().contains("registry.test/busybox"),
                annotations.toString());
    }

    @Test
    void theImageRunsItsEntrypointAsItsUserInItsWorkdir() throws Exception {
        assertEquals("entry cmd-arg\n", fixture.run(result));
        assertEquals("entry given\n", fixture.run(result, "given"));
    }

    @Test
    void shellFormsRunThroughTheShellAndShellChangesIt() throws Exception {
        BuildResult built = fixture.build("""
                FROM registry.test/busybox
                ENTRYPOINT echo from $0
                SHELL ["/bin/sh", "-ec"]
                CMD echo cmd
                """);
        JsonNode shellConfig = fixture.config(built);
        assertEquals(
                "[\"/bin/sh\",\"-c\",\"echo from $0\"]",
                shellConfig.at("/config/Entrypoint").toString());
        assertEquals(
                "[\"/bin/sh\",\"-ec\",\"echo cmd\"]",
                shellConfig.at("/config/Cmd").toString());
        assertEquals("[\"/bin/sh\",\"-ec\"]", shellConfig.at("/config/Shell").toString());
        assertEquals("from /bin/sh\n", fixture.run(built));
    }

    @Test
    void entrypointDropsAnInheritedCmdButKeepsOneSetBeforeIt() throws Exception {
        BuildResult inherited = fixture.build("FROM registry.test/busybox\nENTRYPOINT [\"echo\", \"only\"]\n");
        assertTrue(fixture.config(inherited).at("/config/Cmd").isMissingNode()
                || fixture.config(inherited).at("/config/Cmd").isNull());
        assertEquals("only\n", fixture.run(inherited));

        BuildResult kept = fixture.build("FROM registry.test/busybox\nCMD [\"kept\"]\nENTRYPOINT [\"echo\"]\n");
        assertEquals("kept\n", fixture.run(kept));
    }

    @Test
    void healthcheckNoneDisablesTheCheck() throws Exception {
        BuildResult built = fixture.build("FROM registry.test/busybox\nHEALTHCHECK NONE\n");
        assertEquals(
                "[\"NONE\"]",
                fixture.config(built).at("/config/Healthcheck/Test").toString());
        assertFalse(fixture.config(built).at("/config/Healthcheck").has("Interval"));
    }

    @Test
    void userByNumberRunsAsThatUser() throws Exception {
        BuildResult built = fixture.build("FROM registry.test/busybox\nUSER 1234:5678\n");
        assertEquals("1234:5678\n", fixture.run(built, "sh", "-c", "echo $(id -u):$(id -g)"));
    }

    @Test
    void envPairsSeeTheValuesFromBeforeTheirInstruction() throws Exception {
        BuildResult built = fixture.build("FROM registry.test/busybox\nENV X=old\nENV X=new Y=$X PATH=$PATH:/extra\n");
        assertEquals(
                List.of("PATH=/bin:/extra", "X=new", "Y=old"),
                texts(fixture.config(built).at("/config/Env")));
    }

    @Test
    void workdirResolvesAgainstThePreviousOneAndAddsNoLayerWhenItExists() throws Exception {
        BuildResult built =
                fixture.build("FROM registry.test/busybox\nWORKDIR /a\nWORKDIR b\nWORKDIR ../c\nWORKDIR /etc\n");
        JsonNode history = fixture.config(built).path("history");
        assertTrue(history.get(history.size() - 1).path("empty_layer").asBoolean(), history.toString());
        assertTrue(fixture.layer(built, -1).entry("a/c").isDirectory());
        assertEquals("/etc\n", fixture.run(built, "pwd"));
    }

    @Test
    void theDockerFormatUsesDockersMediaTypes() throws Exception {
        BuildResult built = fixture.build(
                BuildRequest.of(fixture.context("FROM registry.test/busybox\nRUN touch /x\n", java.util.Map.of()))
                        .withFormat(ImageFormat.DOCKER));
        JsonNode manifest = fixture.manifest(built);
        assertEquals(
                "application/vnd.docker.distribution.manifest.v2+json",
                manifest.path("mediaType").asText());
        assertEquals(
                "application/vnd.docker.container.image.v1+json",
                manifest.at("/config/mediaType").asText());
        for (JsonNode layer : manifest.path("layers")) {
            assertEquals(
                    "application/vnd.docker.image.rootfs.diff.tar.gzip",
                    layer.path("mediaType").asText());
        }
        assertEquals("", fixture.run(built, "cat", "/x"));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static List<String> sortedNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        return names;
    }
}
