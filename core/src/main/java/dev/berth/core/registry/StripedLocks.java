package dev.berth.core.registry;

import java.util.concurrent.locks.ReentrantLock;

/** A fixed set of locks picked by key hash, to serialise work on one key without a lock per key. */
final class StripedLocks {
    private final ReentrantLock[] locks;

    StripedLocks(int stripes) {
        locks = new ReentrantLock[stripes];
        for (int i = 0; i < stripes; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    ReentrantLock forKey(Object key) {
        return locks[Math.floorMod(key.hashCode() * 0x9E3779B9, locks.length)];
    }
}
