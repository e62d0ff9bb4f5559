package dev.berth.builder.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What an independent review of the engine found, each case kept fixed: escapes, hangs, leaks, scoping. */
class HardeningTest {
    private static final BuildFixture fixture = BuildFixture.temporary();

    @Test
    void aDockerignoreLinkedOutOfTheContextIsNotReadOnTheHost() throws Exception {
        Path secret = Files.createTempFile("berth-host-secret-", ".txt");
        Files.writeString(secret, "password=hunter2[\n");
        Path context = fixture.context("FROM registry.test/busybox\nCOPY Dockerfile /d\n", Map.of());
        Files.createSymbolicLink(context.resolve(".dockerignore"), secret);
        try {
            BuildResult result = fixture.build(BuildRequest.of(context));
            assertTrue(fixture.layerCount(result) > 1);
        } finally {
            Files.deleteIfExists(secret);
        }
    }

    @Test
    void aStageNamedThroughAnAutomaticPlatformArgIsBuilt() throws Exception {
        BuildResult result = fixture.build("""
                FROM registry.test/busybox AS base-amd64
                RUN echo amd64 > /arch
                FROM registry.test/busybox AS base-arm64
                RUN echo arm64 > /arch
                FROM base-${TARGETARCH}
                """);
        assertEquals(
                fixture.run(result, "uname", "-m").contains("aarch64") ? "arm64\n" : "amd64\n",
                fixture.run(result, "cat", "/arch"));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void copyingAFifoFailsAtItsLineInsteadOfHanging() throws Exception {
        BuildException failure = assertThrows(BuildException.class, () -> fixture.build("""
                FROM registry.test/busybox AS one
                RUN mkfifo /tmp/pipe
                FROM registry.test/busybox
                COPY --from=one /tmp/pipe /pipe
                """));
        assertTrue(failure.getMessage().startsWith("Dockerfile:4: "), failure.getMessage());
        assertTrue(failure.getMessage().contains("fifo"), failure.getMessage());
    }

    @Test
    void aSecretArgsValueNeverReachesAnErrorOrTheHistory() throws Exception {
        Path context = fixture.context("""
                FROM registry.test/busybox
                ARG TOKEN
                WORKDIR /w/$TOKEN
                RUN exit 1 # $TOKEN
                """, Map.of());
        BuildRequest request = BuildRequest.of(context).withBuildArgs(Map.of("TOKEN", "s3cr3t-value"), Set.of("TOKEN"));
        BuildException failure = assertThrows(BuildException.class, () -> fixture.build(request));
        assertFalse(failure.getMessage().contains("s3cr3t-value"), failure.getMessage());

        Files.writeString(context.resolve("Dockerfile"), "FROM registry.test/busybox\nARG TOKEN\nWORKDIR /w/$TOKEN\n");
        BuildResult built = fixture.build(request);
        assertFalse(fixture.config(built).path("history").toString().contains("s3cr3t-value"));
    }

    @Test
    void workdirIsCreatedForTheCurrentUser() throws Exception {
        BuildResult result = fixture.build("""
                FROM registry.test/busybox
                USER nobody
                WORKDIR /home/nobody/app
                RUN touch made-by-nobody
                """);
        assertEquals("nobody\n", fixture.run(result, "stat", "-c", "%U", "/home/nobody/app"));
    }

    @Test
    void aWritableBindMountIsRefusedAndRwFalseIsReadOnly() throws Exception {
        BuildException writable = assertThrows(
                BuildException.class,
                () -> fixture.build("FROM registry.test/busybox\nRUN --mount=type=bind,target=/ctx,rw true\n"));
        assertTrue(writable.getMessage().startsWith("Dockerfile:2: "), writable.getMessage());
        BuildResult readOnly = fixture.build(
                "FROM registry.test/busybox\nRUN --mount=type=bind,target=/ctx,rw=false sh -c 'touch /ctx/x || echo ro > /ro'\n");
        assertEquals("ro\n", fixture.run(readOnly, "cat", "/ro"));
    }

    @Test
    void anImageCopiedFromTwiceIsUnpackedOnceAndBothCopiesLand() throws Exception {
        BuildResult result = fixture.build("FROM scratch\n"
                + "COPY --from=registry.test/busybox /bin/busybox /bin/busybox\n"
                + "COPY --from=registry.test/busybox /etc/passwd /etc/passwd\n");
        assertTrue(fixture.run(result, "/bin/busybox", "cat", "/etc/passwd").startsWith("root:"));
    }

    @Test
    void aBindMountOfTheContextShowsOnlyWhatDockerignoreLeavesIn() throws Exception {
        BuildResult result = fixture.build(
                "FROM registry.test/busybox\n"
                        + "RUN --mount=type=bind,target=/ctx sh -c 'ls -a /ctx | sort | tr \"\\n\" \" \" > /seen'\n",
                Map.of(".dockerignore", "secret.txt\n", "secret.txt", "hidden\n", "visible.txt", "shown\n"));
        String seen = fixture.run(result, "cat", "/seen");
        assertTrue(seen.contains("visible.txt") && !seen.contains("secret.txt"), seen);
    }
}
