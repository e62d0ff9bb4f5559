package dev.berth.builder.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layer cache: what a change rebuilds, --no-cache, and images identical byte for byte. */
class CacheTest {
    private static final String DOCKERFILE = """
            FROM registry.test/busybox
            RUN echo before > /before
            ARG V
            COPY a.txt /a.txt
            RUN echo "$V" > /v
            RUN cat /a.txt > /b
            """;

    @TempDir
    Path temp;

    private BuildFixture fixture;
    private Path context;

    @BeforeEach
    void setUp() throws IOException {
        fixture = new BuildFixture(temp.resolve("first"));
        context = fixture.context(DOCKERFILE, Map.of("a.txt", "a\n"));
    }

    @Test
    void aBuildArgChangeRebuildsOnlyTheRunsAfterIt() throws Exception {
        fixture.build(withArg("1"));
        BuildResult changed = fixture.build(withArg("2"));
        assertEquals(new BuildResult.Steps(2, 2), changed.steps());
        assertEquals("2\n", fixture.run(changed, "cat", "/v"));
    }

    @Test
    void aContextChangeRebuildsFromItsCopyOn() throws Exception {
        fixture.build(withArg("1"));
        Files.writeString(context.resolve("a.txt"), "changed\n");
        BuildResult changed = fixture.build(withArg("1"));
        assertEquals(new BuildResult.Steps(3, 1), changed.steps());
        assertEquals("changed\n", fixture.run(changed, "cat", "/b"));
    }

    @Test
    void noCacheExecutesEveryStep() throws Exception {
        fixture.build(withArg("1"));
        assertEquals(
                new BuildResult.Steps(4, 0),
                fixture.build(withArg("1").withNoCache(true)).steps());
    }

    @Test
    void anUnchangedRebuildKeepsTheDigest() throws Exception {
        BuildResult first = fixture.build(withArg("1"));
        BuildResult second = fixture.build(withArg("1"));
        assertEquals(new BuildResult.Steps(0, 4), second.steps());
        assertEquals(first.manifestDigest(), second.manifestDigest());
    }

    @Test
    void sourceDateEpochMakesTwoBuildersAgreeByteForByte() throws Exception {
        Optional<Instant> epoch = Optional.of(Instant.ofEpochSecond(1_700_000_000));
        BuildResult plain = fixture.build(withArg("1"));
        BuildResult first = fixture.build(withArg("1").withSourceDateEpoch(epoch));
        BuildFixture other = new BuildFixture(temp.resolve("second"));
        Path otherContext = other.context(DOCKERFILE, Map.of("a.txt", "a\n"));
        BuildResult second = other.build(BuildRequest.of(otherContext)
                .withBuildArgs(Map.of("V", "1"), Set.of())
                .withSourceDateEpoch(epoch));
        assertEquals(first.manifestDigest(), second.manifestDigest());
        assertEquals(
                "2023-11-14T22:13:20Z", fixture.config(first).path("created").asText());
        assertNotEquals(plain.manifestDigest(), first.manifestDigest());
    }

    @Test
    void aContextFileABindMountReadsIsPartOfTheRunsKey() throws Exception {
        Path bound = fixture.context(
                "FROM registry.test/busybox\nRUN --mount=type=bind,source=data,target=/d cat /d/file > /out\n",
                Map.of("data/file", "one\n"));
        fixture.build(BuildRequest.of(bound));
        Files.writeString(bound.resolve("data/file"), "two\n");
        assertEquals("two\n", fixture.run(fixture.build(BuildRequest.of(bound)), "cat", "/out"));
    }

    @Test
    void aRunBindingACachedStageStillSeesItsFiles() throws Exception {
        Path twoStages = fixture.context("""
                FROM registry.test/busybox AS tools
                RUN echo tool > /tool
                FROM registry.test/busybox
                COPY a.txt /a.txt
                RUN --mount=type=bind,from=tools,source=/tool,target=/t cat /t /a.txt > /out
                """, Map.of("a.txt", "one\n"));
        fixture.build(BuildRequest.of(twoStages));
        Files.writeString(twoStages.resolve("a.txt"), "two\n");
        BuildResult second = fixture.build(BuildRequest.of(twoStages));
        assertEquals(new BuildResult.Steps(2, 1), second.steps());
        assertEquals("tool\ntwo\n", fixture.run(second, "cat", "/out"));
    }

    @Test
    void secretBuildArgsStayOutOfTheConfigTheHistoryTheLogAndTheCache() throws Exception {
        String secret = "s3cr3t-value";
        String md5Prefix = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("MD5")
                        .digest((secret + "\n").getBytes(StandardCharsets.UTF_8)))
                .substring(0, 8);
        Path secretContext = fixture.context(
                "FROM registry.test/busybox\nARG TOKEN\nRUN test $(echo $TOKEN | md5sum | cut -c1-8) = " + md5Prefix
                        + " && echo token ok\nLABEL uses=token\n",
                Map.of());
        RecordingLog log = new RecordingLog();
        BuildResult result = fixture.build(
                BuildRequest.of(secretContext).withBuildArgs(Map.of("TOKEN", secret), Set.of("TOKEN")), log);
        String config = new String(fixture.builder.blobs().read(result.configDigest()), StandardCharsets.UTF_8);
        assertFalse(config.contains(secret), config);
        assertFalse(String.join("\n", log.lines).contains(secret), log.lines.toString());
        try (Stream<Path> files = Files.walk(fixture.root.resolve("state/cache"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(file).contains(secret), file.toString());
            }
        }
    }

    private BuildRequest withArg(String value) {
        return BuildRequest.of(context).withBuildArgs(Map.of("V", value), Set.of());
    }
}
