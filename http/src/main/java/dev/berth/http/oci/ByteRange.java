package dev.berth.http.oci;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A single byte range of a {@code Range} header, resolved against the size of what is served. A header this does not
 * understand (several ranges, other units) is ignored and the whole body served, as HTTP allows.
 */
record ByteRange(long start, long length, boolean satisfiable) {
    private static final Pattern SINGLE = Pattern.compile("bytes=\\s*([0-9]{0,18})-([0-9]{0,18})\\s*");

    static Optional<ByteRange> parse(String header, long size) {
        Matcher m = SINGLE.matcher(header);
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return Optional.empty();
        }
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            if (suffix == 0 || size == 0) {
                return Optional.of(new ByteRange(0, 0, false));
            }
            long length = Math.min(suffix, size);
            return Optional.of(new ByteRange(size - length, length, true));
        }
        long start = Long.parseLong(m.group(1));
        long end = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
        if (!m.group(2).isEmpty() && Long.parseLong(m.group(2)) < start) {
            return Optional.empty();
        }
        if (start >= size) {
            return Optional.of(new ByteRange(0, 0, false));
        }
        return Optional.of(new ByteRange(start, end - start + 1, true));
    }
}
