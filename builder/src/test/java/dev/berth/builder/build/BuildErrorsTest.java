package dev.berth.builder.build;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.builder.runtime.Cancellation;
import dev.berth.builder.runtime.OutputSink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Builds that cannot finish say where and why; a cancelled one stops promptly. */
class BuildErrorsTest {
    private static final BuildFixture fixture = BuildFixture.temporary();

    @Test
    void anUnknownStageInFromNamesItsLine() {
        assertFailsAt(3, "nosuchstage", "FROM registry.test/busybox AS one\nFROM one\nCOPY --from=nosuchstage /x /x\n");
    }

    @Test
    void anUnknownChownUserNamesItsLine() {
        assertFailsAt(2, "nosuchuser", "FROM registry.test/busybox\nCOPY --chown=nosuchuser Dockerfile /x\n");
    }

    @Test
    void aMissingBaseImageNamesItsLine() {
        assertFailsAt(2, "registry.test/busybox:nope", "ARG X=1\nFROM registry.test/busybox:nope\nRUN true\n");
    }

    @Test
    void anUnknownUserFailsTheRunAfterIt() {
        assertFailsAt(3, "nosuch", "FROM registry.test/busybox\nUSER nosuch\nRUN true\n");
    }

    @Test
    void aSecretMountIsRefusedByName() {
        assertFailsAt(
                2, "type=secret is not supported", "FROM registry.test/busybox\nRUN --mount=type=secret,id=x true\n");
    }

    @Test
    void aChmodThatIsNotOctalNamesItsLine() {
        assertFailsAt(2, "--chmod=u+x", "FROM registry.test/busybox\nCOPY --chmod=u+x Dockerfile /x\n");
    }

    @Test
    void aRefusedDownloadSaysWhy() {
        assertFailsAt(
                2,
                "egress to 127.0.0.1 is not allowed by the installation's egress policy",
                "FROM registry.test/busybox\nADD http://127.0.0.1:1/file /x\n");
        assertFailsAt(
                2,
                "egress to 169.254.169.254 is not allowed by the installation's egress policy",
                "FROM registry.test/busybox\nADD http://169.254.169.254/x /x\n");
        assertFailsAt(
                2,
                "egress to 0:0:0:0:0:0:0:1 is not allowed",
                "FROM registry.test/busybox\nADD http://[0:0:0:0:0:0:0:1]:1/x /x\n");
    }

    @Test
    void aCancelledBuildStopsDuringItsRun() throws Exception {
        Cancellation cancellation = new Cancellation();
        OutputSink cancelOnOutput = (channel, chunk) -> {
            if (new String(chunk, StandardCharsets.UTF_8).contains("started")) {
                Thread.ofPlatform().start(cancellation::cancel);
            }
        };
        BuildLog log = new BuildLog() {
            @Override
            public void line(String text) {}

            @Override
            public OutputSink processOutput() {
                return cancelOnOutput;
            }
        };
        Path context = fixture.context("FROM registry.test/busybox\nRUN echo started && sleep 100\n", Map.of());
        long started = System.nanoTime();
        BuildException failure = assertThrows(
                BuildException.class,
                () -> fixture.builder.build(BuildRequest.of(context), fixture.sources(), log, cancellation));
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        assertTrue(failure.isCancelled(), failure.getMessage());
        assertTrue(seconds < 10, "cancelling took " + seconds + " s");
    }

    private static void assertFailsAt(int line, String mention, String dockerfile) {
        BuildException failure = assertThrows(BuildException.class, () -> fixture.build(dockerfile));
        assertTrue(failure.getMessage().startsWith("Dockerfile:" + line + ": "), failure.getMessage());
        assertTrue(failure.getMessage().contains(mention), failure.getMessage());
    }
}
