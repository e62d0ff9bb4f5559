package dev.berth.core.spi;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The files of runs kept outside the metadata store: uploaded build sources and run logs, by key ({@code
 * <registry id>/sources/<name>.tar.gz}, {@code <registry id>/logs/<run id>.log}). Keys are made of letters, digits,
 * {@code .}, {@code -}, {@code _} and {@code /}. Appends to one key come from one writer at a time; readers may read
 * while it writes and see a prefix of what was appended.
 */
public interface RunFiles {
    /**
     * Writes a whole file from a stream, replacing any at once: a reader sees the old file or the new one, and one
     * that opened the old keeps reading it. Refuses beyond {@code limit} bytes, leaving the old file as it was.
     */
    long write(String key, InputStream content, long limit) throws IOException;

    /** Adds bytes at the end of a file, creating it when it does not exist. */
    void append(String key, byte[] bytes) throws IOException;

    /** The size of a file, or empty when there is none. */
    Optional<Long> size(String key) throws IOException;

    /**
     * A file's bytes from an offset to its end when opened, or empty when there is none. Its {@code skip} moves
     * without reading.
     */
    Optional<InputStream> read(String key, long offset) throws IOException;

    /** The keys of uploaded sources ({@code <registry id>/sources/...}) last written before a time, at most {@code max}. */
    List<String> sourcesWrittenBefore(Instant before, int max) throws IOException;

    /** Removes a file; false when there was none. */
    boolean delete(String key) throws IOException;

    /** A write was larger than its limit. */
    final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        public TooLargeException(long limit) {
            super("larger than " + limit + " bytes");
        }
    }
}
