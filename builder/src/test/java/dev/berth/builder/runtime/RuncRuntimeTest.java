package dev.berth.builder.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What is particular to runc: its binary, its private state and bundles, interrupts, and its per-run overhead. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RuncRuntimeTest {

    @TempDir
    Path temp;

    Path rootfs;
    Path workDir;
    RuncRuntime runtime;

    @BeforeEach
    void createFixture() throws IOException {
        rootfs = BusyboxRootfs.create(temp.resolve("rootfs"));
        workDir = temp.resolve("runc");
        runtime = new RuncRuntime(RuncOptions.defaults(workDir));
    }

    @Test
    void aMissingRuncBinaryIsAClearErrorAtOnce() {
        RuncRuntime missing = new RuncRuntime(RuncOptions.defaults(workDir).withRunc(temp.resolve("no-runc")));
        BuildRuntimeException e = assertThrows(BuildRuntimeException.class, missing::check);
        assertTrue(e.getMessage().startsWith("runc not found at " + temp.resolve("no-runc")), e.getMessage());
        assertThrows(
                BuildRuntimeException.class,
                () -> missing.run(RunSpec.of(rootfs, List.of("true")), OutputSink.discard()));
    }

    @Test
    void rootlessWithoutUserNamespacesIsAClearErrorSayingWhy() {
        List<String> withoutUnshare =
                List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "env", "PATH=/nonexistent");
        RuncRuntime rootless = new RuncRuntime(
                RuncOptions.defaults(workDir).runningAs(withoutUnshare, new RuncOptions.HostIdentity(65534, 65534)));
        BuildRuntimeException e = assertThrows(BuildRuntimeException.class, rootless::check);
        assertTrue(e.getMessage().contains("rootless runc needs unprivileged user namespaces"), e.getMessage());
        assertTrue(e.getMessage().contains("unshare -U failed"), e.getMessage());
    }

    @Test
    void leavesNoBundleOrContainerStateBehind() throws Exception {
        runtime.run(RunSpec.of(rootfs, List.of("true")), OutputSink.discard());
        runtime.run(
                RunSpec.of(rootfs, List.of("sleep", "100")).withTimeout(Duration.ofMillis(300)), OutputSink.discard());
        assertThrows(
                BuildRuntimeException.class,
                () -> runtime.run(RunSpec.of(rootfs, List.of("nosuchcmd")), OutputSink.discard()));
        assertEquals(List.of(), children(workDir.resolve("bundles")));
        assertEquals(List.of(), children(workDir.resolve("state")));
    }

    @Test
    void anInterruptedRunKillsTheContainerAndCleansUp() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        CapturingSink sink = new CapturingSink();
        Thread runner = Thread.ofVirtual().start(() -> {
            try {
                runtime.run(RunSpec.of(rootfs, List.of("sh", "-c", "echo started; sleep 1000")), sink);
            } catch (Exception e) {
                thrown.set(e);
            }
        });
        while (!sink.stdout().contains("started")) {
            Thread.sleep(20);
        }
        runner.interrupt();
        assertTrue(runner.join(Duration.ofSeconds(15)), "the run did not end");
        assertTrue(thrown.get() instanceof InterruptedException, String.valueOf(thrown.get()));
        assertEquals(List.of(), children(workDir.resolve("bundles")));
        assertEquals(List.of(), children(workDir.resolve("state")));
    }

    @Test
    void perRunOverheadOfTrueIsSmall() throws Exception {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            runtime.run(RunSpec.of(rootfs, List.of("true")), OutputSink.discard());
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.println("runc per-run overhead of `true`, 20 runs, ms: " + millis + "; median " + sorted.get(10)
                + ", total " + millis.stream().mapToLong(Long::longValue).sum());
        assertTrue(sorted.get(10) < 2_000, "median " + sorted.get(10) + " ms");
    }

    private static List<Path> children(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.toList();
        }
    }
}
