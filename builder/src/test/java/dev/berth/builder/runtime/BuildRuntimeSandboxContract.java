package dev.berth.builder.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The sandbox part of the contract every {@link BuildRuntime} meets: a container's root is not the host's, the
 * seccomp filter denies what builds must not do, and each {@link ResourceLimits} stops a run that goes past it and
 * names it. Implementations subclass this (it includes {@link BuildRuntimeContract}).
 */
public abstract class BuildRuntimeSandboxContract extends BuildRuntimeContract {

    private static final ResourceLimits GENEROUS = ResourceLimits.none()
            .withProcesses(64)
            .withMemoryBytes(256L << 20)
            .withCpuTime(Duration.ofSeconds(30))
            .withDiskBytes(64L << 20);

    private String lastStderr = "";

    @Test
    void theContainersRootIsNotTheHostsRoot() throws Exception {
        CapturingSink sink = new CapturingSink();
        run(sink, shell("cat /proc/self/uid_map"));
        String[] first = sink.stdout().trim().split("\\s+");
        assertEquals("0", first[0], sink.stdout());
        assertNotEquals("0", first[1], "container root is host root: " + sink.stdout());
    }

    @Test
    void aNewUserNamespaceCannotBeMadeInside() throws Exception {
        CapturingSink sink = new CapturingSink();
        RunResult result = run(sink, shell("unshare -U -r true"));
        assertNotEquals(0, result.exitCode(), "unshare -U -r worked inside");
    }

    @Test
    void mountingIsDenied() throws Exception {
        RunResult result = run(new CapturingSink(), shell("mkdir -p /tmp/m && mount -t tmpfs none /tmp/m"));
        assertNotEquals(0, result.exitCode(), "mount worked inside");
    }

    @Test
    void theSeccompFilterDeniesKeyringTracingAndNamespaceCalls() throws Exception {
        assumeTrue(SyscallProbe.available(), "needs gcc -static to build the probe");
        SyscallProbe.install(rootfs);
        handOver(rootfs);
        CapturingSink sink = new CapturingSink();
        RunResult result = run(
                sink,
                shell("for call in 'keyctl 0 -3' 'add_key' 'ptrace 0' 'setns 0 0' 'unshare 0x10000000' 'clone3 0 0'"
                        + " 'unshare 0x200'; do syscall-probe $call; done"));
        assertEquals(0, result.exitCode(), sink.stderr());
        assertEquals("""
                Operation not permitted
                Operation not permitted
                Operation not permitted
                Operation not permitted
                Operation not permitted
                Function not implemented
                ok
                """, sink.stdout());
    }

    @Test
    void aRunWithinItsLimitsSucceeds() throws Exception {
        RunResult result = limited("echo fine > /tmp/f; sleep 0.2 & wait", GENEROUS);
        assertTrue(result.succeeded(), lastStderr + result);
    }

    @Test
    void manyProcessesAreStoppedByTheProcessLimit() throws Exception {
        RunResult result = limited("for i in $(seq 800); do sleep 30 & done; wait", GENEROUS.withProcesses(32));
        assertExceeded(Limit.PROCESSES, result);
    }

    @Test
    void aMemoryHogIsStoppedByTheMemoryLimit() throws Exception {
        RunResult result = limited("dd if=/dev/zero of=/dev/null bs=512M count=1", GENEROUS.withMemoryBytes(32L << 20));
        assertExceeded(Limit.MEMORY, result);
    }

    @Test
    void aSpinningProcessIsStoppedByTheCpuTimeLimit() throws Exception {
        RunResult result = limited("while :; do :; done", GENEROUS.withCpuTime(Duration.ofSeconds(1)));
        assertExceeded(Limit.CPU_TIME, result);
    }

    /** Not dd alone: a container's PID 1 is spared the kernel's SIGXFSZ (it gets EFBIG), see the runtime doc. */
    @Test
    void aLargeFileIsStoppedByTheDiskLimit() throws Exception {
        RunResult result = limited(
                "dd if=/dev/zero of=/tmp/big bs=1M count=64 && echo unreachable", GENEROUS.withDiskBytes(8L << 20));
        assertExceeded(Limit.DISK, result);
    }

    @Test
    void manySmallFilesAreStoppedByTheDiskLimit() throws Exception {
        RunResult result = limited(
                "for i in $(seq 64); do dd if=/dev/zero of=/tmp/f$i bs=1M count=1 2>/dev/null; sleep 0.05;" + " done",
                GENEROUS.withDiskBytes(8L << 20));
        assertExceeded(Limit.DISK, result);
    }

    @Test
    void aUserOtherThanRootWritesWhereItMayAndTheDiskRecordsItsId() throws Exception {
        Path home = Files.createDirectories(rootfs.resolve("home/app"));
        handOver(rootfs);
        Files.setAttribute(home, "unix:uid", 1000);
        Files.setAttribute(home, "unix:gid", 1000);
        CapturingSink sink = new CapturingSink();
        RunResult result = run(sink, shell("touch /home/app/made && id -u").withUser("1000"));
        assertEquals(0, result.exitCode(), sink.stderr());
        assertEquals("1000\n", sink.stdout());
        assertEquals(1000, Files.getAttribute(home.resolve("made"), "unix:uid"));
    }

    private RunResult limited(String script, ResourceLimits limits) throws Exception {
        CapturingSink sink = new CapturingSink();
        RunResult result = run(sink, shell(script).withLimits(limits));
        lastStderr = sink.stderr();
        return result;
    }

    private void assertExceeded(Limit limit, RunResult result) {
        assertEquals(RunResult.Ending.LIMIT_EXCEEDED, result.ending(), result + " " + lastStderr);
        assertEquals(Optional.of(limit), result.exceeded());
    }
}
