package dev.berth.core.runs.service;

import dev.berth.core.runs.RunKeys;
import dev.berth.core.runs.RunLog;
import dev.berth.core.spi.RunFiles;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A run's log kept in {@link RunFiles}, appended to as it is written, and capped: once what it holds grows past twice
 * the cap, its head is dropped so that about the last {@code cap} bytes stay (from a line's start), behind a marker
 * (see {@link LogLayout}); {@link #trim()} cuts it to the cap when the run ends. Dropping the head rewrites the file
 * through a stream, so memory stays bounded however much is written, and costs about one copy of what is written.
 */
public final class FileRunLog implements RunLog {
    /** The smallest cap: a marker must fit many times into what is kept. */
    public static final long MIN_CAP = 4096;
    /** How far past the cut a line's start is looked for, at most, before cutting inside a line. */
    private static final int MAX_LINE_SEARCH = 64 * 1024;

    private final RunFiles files;
    private final String key;
    private final long cap;
    /** The bytes after the marker, once known. */
    private long tail = -1;

    /** @param cap about how many bytes of the log's end to keep, at least {@link #MIN_CAP} */
    public FileRunLog(RunFiles files, long registryId, String runId, long cap) {
        this.files = files;
        this.key = RunKeys.log(registryId, runId);
        this.cap = Math.max(cap, MIN_CAP);
    }

    @Override
    public void line(String text) throws IOException {
        write((text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void write(byte[] bytes) throws IOException {
        long before = tail();
        files.append(key, bytes);
        tail = before + bytes.length;
        if (tail > 2 * cap) {
            keepTail();
        }
    }

    /** Cuts the log to its cap, if it is longer: called once the run has ended. */
    public synchronized void trim() throws IOException {
        if (tail() > cap) {
            keepTail();
        }
    }

    private long tail() throws IOException {
        if (tail < 0) {
            Optional<Long> size = files.size(key);
            if (size.isEmpty()) {
                tail = 0;
            } else {
                try (InputStream in = opened()) {
                    tail = size.get() - LogLayout.head(in).length();
                }
            }
        }
        return tail;
    }

    private InputStream opened() throws IOException {
        return new BufferedInputStream(files.read(key, 0).orElseThrow(), LogLayout.MAX_MARKER);
    }

    private void keepTail() throws IOException {
        try (InputStream file = opened()) {
            LogLayout.Head head = LogLayout.head(file);
            long drop = tail - cap;
            LogLayout.skip(file, head.length() + drop);
            drop += toLineStart(file, (int) Math.min(MAX_LINE_SEARCH, cap / 8));
            long dropped = head.dropped() + drop;
            byte[] marker = LogLayout.marker(dropped, cap);
            files.write(key, new SequenceInputStream(new ByteArrayInputStream(marker), file), Long.MAX_VALUE);
            tail -= drop;
        }
    }

    /**
     * Reads past the rest of a line if its end is within {@code search} bytes, or else past the rest of a UTF-8
     * character; answers how many bytes that was.
     */
    private static long toLineStart(InputStream in, int search) throws IOException {
        in.mark(search);
        for (int read = 0; read < search; read++) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            if (b == '\n') {
                return read + 1;
            }
        }
        in.reset();
        in.mark(4);
        int skipped = 0;
        while (skipped < 3 && (in.read() & 0xC0) == 0x80) {
            skipped++;
            in.mark(4);
        }
        in.reset();
        return skipped;
    }
}
