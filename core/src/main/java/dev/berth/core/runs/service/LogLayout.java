package dev.berth.core.runs.service;

import dev.berth.core.spi.RunFiles;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a run's log is kept in {@link RunFiles}, capped to its tail. Offsets are logical: a byte keeps the offset it
 * had in the whole output, even after the head before it was dropped. Once a head is dropped, the file starts with
 * one marker line that says how many bytes were dropped, then the bytes kept:
 *
 * <pre>
 * [berth: log truncated: the first 150.2 MiB (157496524 bytes) were dropped; the last 16 MiB are kept]\n
 * &lt;the tail&gt;
 * </pre>
 *
 * The marker takes the logical offsets just before the first byte kept, so reading from any offset before that
 * byte starts at the marker: a reader that fell behind the drop sees the marker, then the tail, and is told where
 * that starts ({@link Slice#start}).
 */
final class LogLayout {
    /** A marker line is shorter than this, newline included. */
    static final int MAX_MARKER = 256;

    private static final Pattern MARKER =
            Pattern.compile("\\[berth: log truncated: the first [^(]*\\((\\d+) bytes\\) were dropped; [^\\n]*\\]\\n");

    private LogLayout() {}

    /** The head a log file starts with: the bytes dropped, and the length of the marker saying so (0 and 0: none). */
    record Head(long dropped, int length) {
        static final Head NONE = new Head(0, 0);

        /** The physical position of a logical offset at or after the first byte kept. */
        long physical(long logical) {
            return logical - dropped + length;
        }
    }

    /** Bytes of a log from {@code start}, a logical offset: where the reader asked, or the marker after a drop. */
    record Slice(long start, InputStream bytes) {}

    static byte[] marker(long dropped, long cap) {
        String text = "[berth: log truncated: the first " + human(dropped) + " (" + dropped
                + " bytes) were dropped; the last " + human(cap) + " are kept]\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A log from a logical offset, or empty when the log does not exist. */
    static Optional<Slice> read(RunFiles files, String key, long offset) throws IOException {
        Optional<InputStream> opened = files.read(key, 0);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        InputStream in = new BufferedInputStream(opened.get(), MAX_MARKER);
        try {
            Head head = head(in);
            long start = offset < head.dropped() ? head.dropped() - head.length() : offset;
            skip(in, head.physical(start));
            return Optional.of(new Slice(start, in));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Reads the head of a file from a stream that supports mark, leaving the stream at its start. */
    static Head head(InputStream in) throws IOException {
        in.mark(MAX_MARKER);
        byte[] first = new byte[MAX_MARKER];
        int length = 0;
        for (int b; length < MAX_MARKER && (b = in.read()) >= 0; ) {
            first[length++] = (byte) b;
            if (b == '\n') {
                break;
            }
        }
        in.reset();
        Matcher matcher = MARKER.matcher(new String(first, 0, length, StandardCharsets.UTF_8));
        return matcher.matches() ? new Head(Long.parseLong(matcher.group(1)), length) : Head.NONE;
    }

    /** Skips up to {@code count} bytes, fewer when the stream ends first. */
    static void skip(InputStream in, long count) throws IOException {
        long left = count;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    return;
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    static String human(long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        if (unit == 0) {
            return bytes + " bytes";
        }
        String number =
                value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
        return number + " " + units[unit];
    }
}
