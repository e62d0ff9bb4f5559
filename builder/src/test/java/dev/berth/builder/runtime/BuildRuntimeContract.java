package dev.berth.builder.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every {@link BuildRuntime} meets, run against a busybox root filesystem ({@link BusyboxRootfs}).
 * Implementations subclass it, say how to make the runtime and how the host sees the container's users, and disable
 * (with a reason) the cases they cannot pass.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class BuildRuntimeContract {

    @TempDir
    protected Path temp;

    protected Path rootfs;
    protected BuildRuntime runtime;

    /** The runtime under test, with whatever private directories it needs under {@code temp}. */
    protected abstract BuildRuntime createRuntime(Path temp) throws IOException;

    /** Gives the test's directories to whoever the runtime runs processes as (for rootless runtimes). */
    protected void handOver(Path dir) throws IOException {}

    /** The host uid owning files that the container's root writes. */
    protected int hostUidOfContainerRoot() {
        return 0;
    }

    @BeforeEach
    void createFixture() throws IOException {
        rootfs = BusyboxRootfs.create(temp.resolve("rootfs"));
        runtime = createRuntime(temp);
        handOver(temp);
    }

    protected RunResult run(CapturingSink sink, RunSpec spec) throws Exception {
        return runtime.run(spec, sink);
    }

    protected RunSpec shell(String script) {
        return RunSpec.of(rootfs, List.of("/bin/sh", "-c", script));
    }

    @Test
    void streamsStdoutAndStderrAndReportsTheExitCode() throws Exception {
        CapturingSink sink = new CapturingSink();
        RunResult result = run(sink, shell("echo out; echo err >&2; exit 3"));
        assertEquals("out\n", sink.stdout());
        assertEquals("err\n", sink.stderr());
        assertEquals(3, result.exitCode());
        assertEquals(RunResult.Ending.EXITED, result.ending());
        assertFalse(result.succeeded());
    }

    @Test
    void aSuccessfulRunSucceeds() throws Exception {
        RunResult result = run(new CapturingSink(), RunSpec.of(rootfs, List.of("true")));
        assertTrue(result.succeeded());
        assertTrue(result.duration().toNanos() > 0);
    }

    @Test
    void passesTheEnvironmentAndAddsPathAndHome() throws Exception {
        CapturingSink sink = new CapturingSink();
        run(sink, shell("echo $GREETING; echo $PATH; echo $HOME").withEnv(List.of("GREETING=hello world")));
        assertEquals(
                "hello world\n/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n/root\n", sink.stdout());
    }

    @Test
    void createsAMissingWorkingDirectory() throws Exception {
        CapturingSink sink = new CapturingSink();
        RunResult result = run(sink, RunSpec.of(rootfs, List.of("pwd")).withWorkingDir("/srv/app/src"));
        assertEquals(0, result.exitCode(), sink.stderr());
        assertEquals("/srv/app/src\n", sink.stdout());
        assertTrue(Files.isDirectory(rootfs.resolve("srv/app/src")));
    }

    @Test
    void runsAsAUserGivenByNameWithItsGroups() throws Exception {
        CapturingSink sink = new CapturingSink();
        run(sink, shell("id -u; id -g; id -G; echo $HOME").withUser("app"));
        List<String> lines = sink.stdout().lines().toList();
        assertEquals(List.of("1000", "1000"), lines.subList(0, 2), sink.stderr());
        assertEquals(Set.of("1000", "50"), Set.of(lines.get(2).split(" ")));
        assertEquals("/home/app", lines.get(3));
    }

    @Test
    void runsAsAUserAndGroupGivenByNumberWithoutSupplementaryGroups() throws Exception {
        CapturingSink sink = new CapturingSink();
        run(sink, shell("id -u; id -g; id -G").withUser("1000:50"));
        assertEquals("1000\n50\n50\n", sink.stdout(), sink.stderr());
    }

    @Test
    void runsAsANamedUserWithANamedGroup() throws Exception {
        CapturingSink sink = new CapturingSink();
        run(sink, shell("id -u; id -g").withUser("app:staff"));
        assertEquals("1000\n50\n", sink.stdout(), sink.stderr());
    }

    @Test
    void anUnknownUserNameIsAClearError() {
        BuildRuntimeException e = assertThrows(
                BuildRuntimeException.class,
                () -> run(new CapturingSink(), shell("true").withUser("ghost")));
        assertTrue(e.getMessage().contains("unable to find user ghost"), e.getMessage());
    }

    @Test
    void withNoNetworkOnlyLoopbackExistsAndIsUp() throws Exception {
        CapturingSink sink = new CapturingSink();
        run(sink, RunSpec.of(rootfs, List.of("cat", "/proc/net/dev")));
        assertEquals(Set.of("lo"), interfaces(sink.stdout()));
        CapturingSink link = new CapturingSink();
        run(link, RunSpec.of(rootfs, List.of("ip", "link", "show", "lo")));
        assertTrue(link.stdout().contains("UP"), "loopback is down: " + link.stdout() + link.stderr());
    }

    @Test
    void withTheHostNetworkTheHostsInterfacesAndResolverAreSeen() throws Exception {
        CapturingSink sink = new CapturingSink();
        run(sink, RunSpec.of(rootfs, List.of("cat", "/proc/net/dev")).withNetwork(NetworkMode.HOST));
        assertEquals(interfaces(Files.readString(Path.of("/proc/net/dev"))), interfaces(sink.stdout()));
        assertTrue(interfaces(sink.stdout()).size() > 1, "the host has only loopback: " + sink.stdout());
        CapturingSink resolver = new CapturingSink();
        run(resolver, RunSpec.of(rootfs, List.of("cat", "/etc/hosts")).withNetwork(NetworkMode.HOST));
        assertEquals(Files.readString(Path.of("/etc/hosts")), resolver.stdout());
        assertFalse(Files.exists(rootfs.resolve("etc/hosts")), "the mount stub stayed in the rootfs");
    }

    @Test
    void theProcessCannotSeeTheHostOutsideItsRootfs() throws Exception {
        Path marker = Files.writeString(temp.resolve("host-marker"), "secret");
        CapturingSink sink = new CapturingSink();
        run(sink, shell("cat " + marker + " ../host-marker /host-marker; echo exit=$?; ls / .."));
        assertTrue(sink.stdout().startsWith("exit=1\n"), sink.stdout());
        assertFalse(sink.stdout().contains("secret"));
        assertFalse(sink.stdout().contains("host-marker"));
    }

    @Test
    void aTimeoutKillsTheProcessPromptlyAndSaysSo() throws Exception {
        long start = System.nanoTime();
        RunResult result = run(
                new CapturingSink(),
                RunSpec.of(rootfs, List.of("sleep", "1000")).withTimeout(Duration.ofSeconds(1)));
        assertEquals(RunResult.Ending.TIMED_OUT, result.ending());
        assertEquals(137, result.exitCode());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10);
    }

    @Test
    void cancellingKillsTheProcessPromptlyAndSaysSo() throws Exception {
        Cancellation cancellation = new Cancellation();
        Thread.ofVirtual().start(() -> {
            sleepQuietly(Duration.ofMillis(500));
            cancellation.cancel();
        });
        long start = System.nanoTime();
        RunResult result = run(
                new CapturingSink(),
                RunSpec.of(rootfs, List.of("sleep", "1000")).withCancellation(cancellation));
        assertEquals(RunResult.Ending.CANCELLED, result.ending());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10);
    }

    @Test
    void aRunCancelledBeforeItStartsEndsAtOnce() throws Exception {
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();
        RunResult result = run(
                new CapturingSink(),
                RunSpec.of(rootfs, List.of("sleep", "1000")).withCancellation(cancellation));
        assertEquals(RunResult.Ending.CANCELLED, result.ending());
    }

    @Test
    void largeOutputIsStreamedInChunks() throws Exception {
        CapturingSink sink = new CapturingSink();
        RunResult result = run(sink, shell("yes 0123456789abcdef | head -c 10485760"));
        assertEquals(0, result.exitCode(), sink.stderr());
        assertEquals(10L * 1024 * 1024, sink.bytes(OutputChannel.STDOUT));
        assertTrue(sink.largestChunk() <= 1 << 20, "chunk of " + sink.largestChunk());
    }

    @Test
    void aCommandNotFoundIsAClearError() {
        BuildRuntimeException e = assertThrows(
                BuildRuntimeException.class, () -> run(new CapturingSink(), RunSpec.of(rootfs, List.of("nosuchcmd"))));
        assertTrue(e.getMessage().contains("nosuchcmd"), e.getMessage());
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void aFileThatIsNotAProgramIsAClearError() throws IOException {
        Path notElf = Files.writeString(rootfs.resolve("bin/not-a-program"), "\u0001\u0002garbage");
        Files.setPosixFilePermissions(notElf, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        handOver(notElf);
        BuildRuntimeException e = assertThrows(
                BuildRuntimeException.class,
                () -> run(new CapturingSink(), RunSpec.of(rootfs, List.of("/bin/not-a-program"))));
        assertTrue(e.getMessage().contains("exec format error"), e.getMessage());
    }

    @Test
    void aMissingRootfsIsAClearError() {
        BuildRuntimeException e = assertThrows(
                BuildRuntimeException.class,
                () -> run(new CapturingSink(), RunSpec.of(temp.resolve("nowhere"), List.of("true"))));
        assertTrue(e.getMessage().contains("nowhere"), e.getMessage());
    }

    @Test
    void concurrentRunsDoNotCollide() throws Exception {
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> outputs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String name = "run" + i;
                outputs.add(executor.submit(() -> {
                    CapturingSink sink = new CapturingSink();
                    run(sink, shell("echo " + name + " > /tmp/" + name + "; sleep 0.2; cat /tmp/" + name));
                    return sink.stdout();
                }));
            }
            for (int i = 0; i < 4; i++) {
                assertEquals("run" + i + "\n", outputs.get(i).get());
            }
        }
    }

    @Test
    void filesWrittenByTheProcessLandInTheRootfsOwnedByItsUser() throws Exception {
        run(new CapturingSink(), shell("echo built > /tmp/as-root"));
        assertEquals("built\n", Files.readString(rootfs.resolve("tmp/as-root")));
        assertEquals(hostUidOfContainerRoot(), Files.getAttribute(rootfs.resolve("tmp/as-root"), "unix:uid"));
    }

    @Test
    void filesWrittenAsAnotherUserAreOwnedByIt() throws Exception {
        run(new CapturingSink(), shell("echo built > /tmp/as-app").withUser("app"));
        assertEquals(1000, Files.getAttribute(rootfs.resolve("tmp/as-app"), "unix:uid"));
        assertEquals(1000, Files.getAttribute(rootfs.resolve("tmp/as-app"), "unix:gid"));
    }

    @Test
    void aReadOnlyBindIsReadableButNotWritable() throws Exception {
        Path source = Files.createDirectories(temp.resolve("context"));
        Files.writeString(source.resolve("input.txt"), "from the host");
        handOver(source);
        CapturingSink sink = new CapturingSink();
        RunResult result = run(
                sink,
                shell("cat /mnt/context/input.txt; touch /mnt/context/new")
                        .withMounts(List.of(RunMount.readOnly(source, "/mnt/context"))));
        assertEquals("from the host", sink.stdout());
        assertNotEquals(0, result.exitCode());
        assertFalse(Files.exists(source.resolve("new")));
        assertFalse(Files.exists(rootfs.resolve("mnt"), LinkOption.NOFOLLOW_LINKS), "the mount stub stayed");
    }

    @Test
    void aReadWriteBindWritesToTheHostDirectory() throws Exception {
        Path cache = Files.createDirectories(temp.resolve("cache"));
        handOver(cache);
        RunResult result = run(
                new CapturingSink(),
                shell("echo cached > /root/.cache/entry").withMounts(List.of(RunMount.cache(cache, "/root/.cache"))));
        assertEquals(0, result.exitCode());
        assertEquals("cached\n", Files.readString(cache.resolve("entry")));
        assertFalse(Files.exists(rootfs.resolve("root/.cache/entry")));
    }

    @Test
    void aTmpfsMountLeavesNothingInTheRootfs() throws Exception {
        CapturingSink sink = new CapturingSink();
        RunResult result = run(
                sink,
                shell("echo scratch > /scratch/file && cat /scratch/file")
                        .withMounts(List.of(new RunMount.Tmpfs("/scratch", 1 << 20))));
        assertEquals(0, result.exitCode(), sink.stderr());
        assertEquals("scratch\n", sink.stdout());
        assertFalse(Files.exists(rootfs.resolve("scratch"), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void leavesNoMountPointsBehindInAScratchRootfs() throws Exception {
        run(new CapturingSink(), RunSpec.of(rootfs, List.of("true")));
        try (Stream<Path> top = Files.list(rootfs)) {
            assertEquals(
                    Set.of("bin", "etc", "tmp"),
                    top.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
    }

    @Test
    void setsTheHostname() throws Exception {
        CapturingSink sink = new CapturingSink();
        run(sink, RunSpec.of(rootfs, List.of("hostname")).withHostname("builder-7"));
        assertEquals("builder-7\n", sink.stdout());
    }

    private static Set<String> interfaces(String procNetDev) {
        return procNetDev
                .lines()
                .filter(line -> line.contains(":"))
                .map(line -> line.substring(0, line.indexOf(':')).trim())
                .collect(Collectors.toSet());
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
