package dev.berth.bench;

/** Watches one number about a server process while a phase runs, in bytes; closing stops the watching. */
interface MemorySampler extends AutoCloseable {
    /** The largest value seen so far, or -1 before the first sample. */
    long max();

    /** The latest value seen, or -1 before the first sample. */
    long latest();

    @Override
    void close();

    /** A sampler that never samples, for processes it cannot read. */
    static MemorySampler none() {
        return new MemorySampler() {
            @Override
            public long max() {
                return -1;
            }

            @Override
            public long latest() {
                return -1;
            }

            @Override
            public void close() {}
        };
    }
}
