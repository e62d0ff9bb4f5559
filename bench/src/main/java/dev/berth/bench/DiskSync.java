package dev.berth.bench;

import java.io.IOException;

/** Runs {@code sync(1)}, so each timed write starts without another run's dirty pages queued ahead of it. */
final class DiskSync {
    private DiskSync() {}

    static void flush() throws IOException {
        try {
            int exit = new ProcessBuilder("sync").inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IOException("sync exited with " + exit);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while syncing", e);
        }
    }
}
