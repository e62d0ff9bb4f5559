package dev.berth.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The resident set size of a process, read from {@code /proc/<pid>/status} every 100 ms on a daemon thread. Works for
 * both servers, so it compares their whole footprint, page cache excluded.
 */
final class RssSampler implements MemorySampler {
    private final Path status;
    private final AtomicLong max = new AtomicLong(-1);
    private final AtomicLong latest = new AtomicLong(-1);
    private final Thread thread;
    private volatile boolean running = true;

    private RssSampler(long pid) {
        this.status = Path.of("/proc", Long.toString(pid), "status");
        sample();
        this.thread = Thread.ofPlatform().daemon().name("bench-rss-" + pid).start(this::loop);
    }

    static MemorySampler start(long pid) {
        return pid > 0 && Files.isReadable(Path.of("/proc", Long.toString(pid), "status"))
                ? new RssSampler(pid)
                : MemorySampler.none();
    }

    private void loop() {
        while (running) {
            sample();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    long bytes = Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                    latest.set(bytes);
                    max.accumulateAndGet(bytes, Math::max);
                }
            }
        } catch (IOException | NumberFormatException e) {
            running = false;
        }
    }

    @Override
    public long max() {
        return max.get();
    }

    @Override
    public long latest() {
        return latest.get();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
