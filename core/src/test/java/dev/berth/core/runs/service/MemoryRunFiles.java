package dev.berth.core.runs.service;

import dev.berth.core.spi.RunFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs' files in memory, for tests; counts the bytes written whole, and the largest file there ever was. */
final class MemoryRunFiles implements RunFiles {
    private final Map<String, byte[]> files = new HashMap<>();
    private long largest;

    @Override
    public synchronized long write(String key, InputStream content, long limit) throws IOException {
        byte[] bytes = content.readAllBytes();
        if (bytes.length > limit) {
            throw new TooLargeException(limit);
        }
        put(key, bytes);
        return bytes.length;
    }

    @Override
    public synchronized void append(String key, byte[] bytes) {
        byte[] old = files.getOrDefault(key, new byte[0]);
        byte[] joined = new byte[old.length + bytes.length];
        System.arraycopy(old, 0, joined, 0, old.length);
        System.arraycopy(bytes, 0, joined, old.length, bytes.length);
        put(key, joined);
    }

    private void put(String key, byte[] bytes) {
        files.put(key, bytes);
        largest = Math.max(largest, bytes.length);
    }

    @Override
    public synchronized Optional<Long> size(String key) {
        return Optional.ofNullable(files.get(key)).map(b -> (long) b.length);
    }

    @Override
    public synchronized Optional<InputStream> read(String key, long offset) {
        byte[] all = files.get(key);
        if (all == null) {
            return Optional.empty();
        }
        int from = (int) Math.min(offset, all.length);
        return Optional.of(new ByteArrayInputStream(all, from, all.length - from));
    }

    @Override
    public List<String> sourcesWrittenBefore(Instant before, int max) {
        return List.of();
    }

    @Override
    public synchronized boolean delete(String key) {
        return files.remove(key) != null;
    }

    synchronized long largest() {
        return largest;
    }
}
