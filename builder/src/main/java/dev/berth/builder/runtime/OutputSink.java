package dev.berth.builder.runtime;

/**
 * Receives a process's output as it comes, in order within each channel. The runtime makes one call at a time (never
 * two concurrently), so a sink need not be thread-safe; chunks of stdout and stderr interleave as they arrived. A chunk
 * is whatever one read returned, not necessarily a whole line; the array is the sink's to keep.
 */
@FunctionalInterface
public interface OutputSink {

    void accept(OutputChannel channel, byte[] chunk);

    /** A sink that drops everything. */
    static OutputSink discard() {
        return (channel, chunk) -> {};
    }
}
