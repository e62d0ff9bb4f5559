package dev.berth.storage.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * Starts flushing a large upload to disk while it is still arriving (an fdatasync on a second thread every so many
 * bytes), so that the fsync which makes the finished blob durable has little left to write. Durability does not
 * depend on it: commit still forces the whole file.
 */
final class Writeback implements AutoCloseable {
    private static final long EVERY = 64L * 1024 * 1024;

    private final FileChannel file;
    private long flushedUpTo;
    private Thread inFlight;

    Writeback(FileChannel file, long position) {
        this.file = file;
        this.flushedUpTo = position;
    }

    /** Called as the file grows; starts a flush when enough has been written since the last one finished. */
    void written(long position) {
        if (position - flushedUpTo < EVERY || (inFlight != null && inFlight.isAlive())) {
            return;
        }
        flushedUpTo = position;
        inFlight = Thread.ofVirtual().name("berth-writeback").start(this::flush);
    }

    private void flush() {
        try {
            file.force(false);
        } catch (IOException ignored) {
            // only a head start: the commit forces the file and reports a real failure
        }
    }

    /** Waits for a flush in progress, so the file can be closed under no one. */
    @Override
    public void close() {
        if (inFlight == null) {
            return;
        }
        try {
            inFlight.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
