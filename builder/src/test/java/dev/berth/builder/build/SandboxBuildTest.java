package dev.berth.builder.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.builder.runtime.ResourceLimits;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.junit.jupiter.api.Test;

/**
 * Builds in the sandbox: a step past a limit fails at its line naming the limit, and users other than root work
 * inside while layers record the image's own ids (not the host range the container runs on).
 */
class SandboxBuildTest {
    private static final BuildFixture fixture = BuildFixture.temporary();

    @Test
    void aStepPastTheProcessLimitFailsAtItsLineNamingTheLimit() throws Exception {
        BuildRequest request = BuildRequest.of(fixture.context("""
                        FROM registry.test/busybox
                        RUN echo fine
                        RUN for i in $(seq 800); do sleep 30 & done; wait
                        """, Map.of()))
                .withLimits(ResourceLimits.none().withProcesses(32));
        BuildException failure = assertThrows(BuildException.class, () -> fixture.build(request));
        assertEquals("Dockerfile:3: RUN exceeded the process limit (32)", failure.getMessage());
    }

    @Test
    void aStepPastTheMemoryLimitFailsAtItsLineNamingTheLimit() throws Exception {
        BuildRequest request = BuildRequest.of(fixture.context("""
                        FROM registry.test/busybox
                        RUN dd if=/dev/zero of=/dev/null bs=256M count=1
                        """, Map.of()))
                .withLimits(ResourceLimits.none().withMemoryBytes(32L << 20));
        BuildException failure = assertThrows(BuildException.class, () -> fixture.build(request));
        assertEquals("Dockerfile:2: RUN exceeded the memory limit (32 MiB)", failure.getMessage());
    }

    @Test
    void aQuickRunPastALimitSaysWhich() throws Exception {
        BuildResult image = fixture.build("FROM registry.test/busybox\n");
        ContainerRunner.Exit exit = fixture.runExit(
                image,
                ResourceLimits.none().withDiskBytes(4L << 20),
                new RecordingLog(),
                "sh",
                "-c",
                "dd if=/dev/zero of=/big bs=1M count=64 && echo unreachable");
        assertEquals(Optional.of("the disk limit (4 MiB)"), exit.exceeded());
    }

    @Test
    void anotherUserWritesAndCopiesAndTheLayersRecordItsIds() throws Exception {
        BuildResult result = fixture.build("""
                FROM registry.test/busybox
                COPY --chown=1000:1000 a.txt /home/app/a.txt
                RUN chown 1000:1000 /home/app
                USER 1000:1000
                RUN touch /home/app/made && id -u > /home/app/who
                """, Map.of("a.txt", "a\n"));
        TarArchiveEntry copied = fixture.layer(result, -3).entry("home/app/a.txt");
        assertEquals(1000, copied.getLongUserId());
        assertEquals(1000, copied.getLongGroupId());
        LayerContents run = fixture.layer(result, -1);
        assertEquals(1000, run.entry("home/app/made").getLongUserId());
        assertEquals(1000, run.entry("home/app/made").getLongGroupId());
        assertEquals("1000\n", run.text("home/app/who"));
        assertTrue(fixture.run(result, "cat", "/proc/self/uid_map").trim().matches("0\\s+[1-9][0-9]*\\s+65536"));
    }
}
