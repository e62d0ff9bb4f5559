package dev.berth.bench;

import java.util.SplittableRandom;

/** Random content for small blobs, the same for the same seed, so each round pushes bytes neither server has seen. */
final class RandomBytes {
    private RandomBytes() {}

    static byte[] of(long seed, int size) {
        byte[] bytes = new byte[size];
        new SplittableRandom(seed).nextBytes(bytes);
        return bytes;
    }
}
