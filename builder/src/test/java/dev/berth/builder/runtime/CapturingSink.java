package dev.berth.builder.runtime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/** A sink for tests: keeps up to 1 MiB of each channel as text, and counts every byte and the largest chunk. */
public final class CapturingSink implements OutputSink {

    private static final int KEEP = 1 << 20;

    private final Map<OutputChannel, ByteArrayOutputStream> kept = new EnumMap<>(OutputChannel.class);
    private final Map<OutputChannel, Long> counted = new EnumMap<>(OutputChannel.class);
    private int largestChunk;

    @Override
    public synchronized void accept(OutputChannel channel, byte[] chunk) {
        ByteArrayOutputStream buffer = kept.computeIfAbsent(channel, c -> new ByteArrayOutputStream());
        buffer.write(chunk, 0, Math.min(chunk.length, Math.max(0, KEEP - buffer.size())));
        counted.merge(channel, (long) chunk.length, Long::sum);
        largestChunk = Math.max(largestChunk, chunk.length);
    }

    public synchronized String stdout() {
        return text(OutputChannel.STDOUT);
    }

    public synchronized String stderr() {
        return text(OutputChannel.STDERR);
    }

    public synchronized long bytes(OutputChannel channel) {
        return counted.getOrDefault(channel, 0L);
    }

    public synchronized int largestChunk() {
        return largestChunk;
    }

    private String text(OutputChannel channel) {
        ByteArrayOutputStream buffer = kept.get(channel);
        return buffer == null ? "" : buffer.toString(StandardCharsets.UTF_8);
    }
}
