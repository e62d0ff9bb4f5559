package dev.berth.builder.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.builder.image.Platform;
import dev.berth.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** FROM in all its forms, stages, global ARGs, --target and the base image's ONBUILD triggers. */
class StagesAndArgsTest {
    private static final BuildFixture fixture = BuildFixture.temporary();

    @Test
    void scratchTakesAStaticBusyboxAndRuns() throws Exception {
        Path context = fixture.context(
                "FROM scratch\nCOPY busybox /bin/busybox\nCMD [\"/bin/busybox\", \"echo\", \"from scratch\"]\n",
                Map.of());
        Files.copy(Path.of("/bin/busybox"), context.resolve("busybox"));
        BuildResult result = fixture.build(BuildRequest.of(context));
        assertEquals(1, fixture.layerCount(result));
        assertTrue(result.base().isEmpty());
        assertFalse(fixture.manifest(result).path("annotations").has("org.opencontainers.image.base.digest"));
        assertEquals("from scratch\n", fixture.run(result));
    }

    @Test
    void platformPicksTheEntryOfAnIndex() throws Exception {
        BuildResult arm = fixture.build("FROM --platform=linux/arm64 multi.test/busybox\nLABEL arch=arm\n");
        JsonNode config = fixture.config(arm);
        assertEquals("arm64", config.path("architecture").asText());
        JsonNode index = Json.parse(Files.readAllBytes(BusyboxLayout.multiarch().resolve("index.json")));
        assertEquals(
                index.at("/manifests/0/digest").asText(),
                fixture.manifest(arm)
                        .at("/annotations/org.opencontainers.image.base.digest")
                        .asText());

        BuildResult host = fixture.build(BuildRequest.of(fixture.context("FROM multi.test/busybox\n", Map.of()))
                .withPlatform(Platform.parse("linux/amd64")));
        assertEquals("amd64", fixture.config(host).path("architecture").asText());
    }

    @Test
    void aStageIsABase() throws Exception {
        BuildResult result = fixture.build("""
                FROM registry.test/busybox AS base
                ENV FROM_BASE=1
                RUN echo base > /base

                FROM base
                RUN cat /base > /copy
                """);
        assertEquals("base\n", fixture.run(result, "cat", "/copy"));
        assertTrue(fixture.config(result).at("/config/Env").toString().contains("FROM_BASE=1"));
    }

    @Test
    void globalArgsExpandFromLines() throws Exception {
        String dockerfile = """
                ARG REGISTRY=registry.test
                ARG VARIANT=one
                FROM ${REGISTRY}/busybox:latest AS one
                RUN echo one > /variant
                FROM $REGISTRY/busybox AS two
                RUN echo two > /variant
                FROM ${VARIANT}
                """;
        BuildResult byDefault = fixture.build(dockerfile);
        assertEquals("one\n", fixture.run(byDefault, "cat", "/variant"));
        BuildResult chosen = fixture.build(BuildRequest.of(fixture.context(dockerfile, Map.of()))
                .withBuildArgs(Map.of("VARIANT", "two"), Set.of()));
        assertEquals("two\n", fixture.run(chosen, "cat", "/variant"));
    }

    @Test
    void aGlobalArgIsInvisibleInAStageUntilDeclaredThere() throws Exception {
        BuildResult result = fixture.build("""
                ARG G=global
                FROM registry.test/busybox
                RUN echo "[$G]" > /before
                ARG G
                RUN echo "[$G]" > /after
                """);
        assertEquals("[]\n[global]\n", fixture.run(result, "cat", "/before", "/after"));
    }

    @Test
    void platformArgsAreAutomatic() throws Exception {
        BuildResult result = fixture.build("""
                FROM --platform=$BUILDPLATFORM multi.test/busybox
                ARG TARGETARCH
                ARG TARGETPLATFORM
                RUN echo $TARGETARCH $TARGETPLATFORM > /platform
                """);
        assertEquals("amd64 linux/amd64\n", fixture.run(result, "cat", "/platform"));
    }

    @Test
    void targetBuildsOnlyAnEarlierStageAndWhatItNeeds() throws Exception {
        BuildResult result =
                fixture.build(BuildRequest.of(fixture.context("""
                        FROM registry.test/busybox AS unused
                        RUN exit 1
                        FROM registry.test/busybox AS wanted
                        LABEL stage=wanted
                        FROM wanted
                        RUN exit 2
                        """, Map.of())).withTarget(Optional.of("wanted")));
        assertEquals("wanted", fixture.config(result).at("/config/Labels/stage").asText());
    }

    @Test
    void stagesChainAndCopyByNameOrIndex() throws Exception {
        BuildResult result = fixture.build("""
                FROM registry.test/busybox AS a
                RUN echo a > /a
                FROM a AS b
                RUN echo b > /b
                FROM registry.test/busybox
                COPY --from=b /a /b /out/
                COPY --from=0 /a /zero
                """);
        assertEquals("a\nb\na\n", fixture.run(result, "cat", "/out/a", "/out/b", "/zero"));
    }

    @Test
    void anOnbuildCopyReadsTheChildsContext() throws Exception {
        String base =
                fixture.tag("copying-parent", fixture.build("FROM registry.test/busybox\nONBUILD COPY app.txt /\n"));
        BuildResult child = fixture.build("FROM " + base + "\n", Map.of("app.txt", "child\n"));
        assertEquals("child\n", fixture.run(child, "cat", "/app.txt"));
    }

    @Test
    void onbuildTriggersOfTheBaseRunInTheChild() throws Exception {
        BuildResult parent = fixture.build("""
                FROM registry.test/busybox
                ONBUILD RUN echo triggered > /onbuild
                ONBUILD ENV TRIGGERED=yes
                RUN echo parent > /parent
                """);
        assertEquals(2, fixture.config(parent).at("/config/OnBuild").size());
        assertEquals("absent\n", fixture.run(parent, "sh", "-c", "test -e /onbuild || echo absent"));

        String base = fixture.tag("parent", parent);
        BuildResult child = fixture.build("FROM " + base + "\nRUN cat /onbuild /parent > /seen\n");
        assertEquals("triggered\nparent\n", fixture.run(child, "cat", "/seen"));
        JsonNode config = fixture.config(child);
        assertTrue(config.at("/config/Env").toString().contains("TRIGGERED=yes"));
        assertTrue(config.at("/config/OnBuild").isMissingNode()
                || config.at("/config/OnBuild").isEmpty());
    }
}
