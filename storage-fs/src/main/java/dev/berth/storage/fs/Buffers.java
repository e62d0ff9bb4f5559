package dev.berth.storage.fs;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/** A small pool of transfer buffers, so a small upload does not pay for allocating and zeroing a large array. */
final class Buffers {
    static final int SIZE = 256 * 1024;
    private static final BlockingQueue<byte[]> POOL = new ArrayBlockingQueue<>(64);

    private Buffers() {}

    static byte[] take() {
        byte[] buffer = POOL.poll();
        return buffer != null ? buffer : new byte[SIZE];
    }

    static void give(byte[] buffer) {
        if (buffer != null && buffer.length == SIZE) {
            POOL.offer(buffer);
        }
    }
}
