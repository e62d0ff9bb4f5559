package dev.berth.builder.runtime.runc;

import dev.berth.builder.runtime.Limit;
import dev.berth.builder.runtime.ResourceLimits;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Polls a running container's usage every {@link #INTERVAL} and reports, once, the first limit it goes past: those
 * its {@link ResourceUsage} counts, and bytes written to disk ({@code write_bytes} of {@code /proc/<pid>/io}, which
 * includes what reaped children wrote), which no cgroup v1 controller counts reliably.
 */
final class LimitWatcher implements AutoCloseable {
    static final Duration INTERVAL = Duration.ofMillis(100);

    private final ResourceUsage usage;
    private final ResourceLimits limits;
    private final Consumer<Limit> onExceeded;
    private final Thread thread;
    private volatile boolean closed;

    private LimitWatcher(ResourceUsage usage, ResourceLimits limits, Consumer<Limit> onExceeded, String name) {
        this.usage = usage;
        this.limits = limits;
        this.onExceeded = onExceeded;
        this.thread = Thread.ofVirtual().name("limits-" + name).unstarted(this::watch);
    }

    static LimitWatcher start(ResourceUsage usage, ResourceLimits limits, Consumer<Limit> onExceeded, String name) {
        LimitWatcher watcher = new LimitWatcher(usage, limits, onExceeded, name);
        watcher.thread.start();
        return watcher;
    }

    /** What the counters say once the container has ended (cgroup counters outlive it; a process tree does not). */
    Optional<Limit> afterExit() {
        return usage.exceeded();
    }

    private void watch() {
        while (!closed) {
            Optional<Limit> exceeded = check();
            if (exceeded.isPresent()) {
                onExceeded.accept(exceeded.get());
                return;
            }
            try {
                Thread.sleep(INTERVAL);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private Optional<Limit> check() {
        return usage.exceeded().or(() -> diskExceeded(usage.processes()));
    }

    private Optional<Limit> diskExceeded(List<Long> pids) {
        if (!limits.limits(Limit.DISK) || pids.isEmpty()) {
            return Optional.empty();
        }
        long written = ProcessTree.sum(pids, LimitWatcher::writtenBytes);
        return written >= limits.diskBytes() ? Optional.of(Limit.DISK) : Optional.empty();
    }

    private static long writtenBytes(long pid) {
        for (String line : ProcessTree.read(pid, "io").split("\n")) {
            if (line.startsWith("write_bytes:")) {
                return Long.parseLong(line.substring("write_bytes:".length()).trim());
            }
        }
        return 0;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
