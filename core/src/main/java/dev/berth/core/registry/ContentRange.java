package dev.berth.core.registry;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The inclusive byte range a chunk of an upload claims, from its {@code Content-Range} header. */
public record ContentRange(long start, long end) {
    private static final Pattern FORM = Pattern.compile("(?:bytes[ =])?([0-9]{1,18})-([0-9]{1,18})(?:/[0-9*]+)?");

    public ContentRange {
        if (start < 0 || end < start) {
            throw new RegistryException(ErrorCode.RANGE_INVALID, "invalid Content-Range " + start + "-" + end);
        }
    }

    public static ContentRange parse(String header) {
        Matcher m = FORM.matcher(header.trim());
        if (!m.matches()) {
            throw new RegistryException(ErrorCode.RANGE_INVALID, "invalid Content-Range: " + header);
        }
        return new ContentRange(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
    }

    public long length() {
        return end - start + 1;
    }
}
