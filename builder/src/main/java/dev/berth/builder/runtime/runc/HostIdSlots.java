package dev.berth.builder.runtime.runc;

import java.util.BitSet;

/**
 * Hands each running container its own range of host ids ({@code first + slot * size}), so that no two containers
 * running at once share an id on the host. When every slot is taken, a slot is shared (ids are then shared between
 * those containers, which namespaces still keep apart).
 */
public final class HostIdSlots {
    /** The range size: container ids 0 to 65535, as Docker and Podman map them. */
    public static final int RANGE_SIZE = 65_536;

    private final int first;
    private final int slots;
    private final BitSet taken = new BitSet();
    private int next;

    /**
     * @param first the first host id of slot 0 (100000 by default, above ordinary users' ids)
     * @param slots how many ranges to use
     */
    public HostIdSlots(int first, int slots) {
        if (first <= 0 || slots <= 0 || (long) first + (long) slots * RANGE_SIZE > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("host id slots must start above 0 and fit in 31 bits");
        }
        this.first = first;
        this.slots = slots;
    }

    /** The default: 16 ranges from host id 100000. */
    public static HostIdSlots defaults() {
        return new HostIdSlots(100_000, 16);
    }

    /** A free slot (or a shared one when none is free); give it back with {@link #release}. */
    public synchronized int acquire() {
        int slot = taken.nextClearBit(0);
        if (slot >= slots) {
            slot = next++ % slots;
        }
        taken.set(slot);
        return slot;
    }

    public synchronized void release(int slot) {
        taken.clear(slot);
    }

    public HostIdRange range(int slot) {
        return new HostIdRange(first + slot * RANGE_SIZE, RANGE_SIZE);
    }
}
