package dev.berth.builder.dockerfile;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go's duration syntax ({@code 30s}, {@code 1m30s}, {@code 1.5h}, {@code 500ms}), which HEALTHCHECK options use. */
final class GoDuration {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");
    private static final Map<String, Long> NANOS_PER_UNIT = Map.of(
            "ns", 1L,
            "us", 1_000L,
            "µs", 1_000L,
            "ms", 1_000_000L,
            "s", 1_000_000_000L,
            "m", 60_000_000_000L,
            "h", 3_600_000_000_000L);

    private GoDuration() {}

    /** The duration, or empty if {@code text} is not one; a leading {@code -} is a negative duration. */
    static Optional<Duration> parse(String text) {
        boolean negative = text.startsWith("-");
        String unsigned = negative || text.startsWith("+") ? text.substring(1) : text;
        if (unsigned.equals("0")) {
            return Optional.of(Duration.ZERO);
        }
        Matcher parts = PART.matcher(unsigned);
        BigDecimal nanos = BigDecimal.ZERO;
        int end = 0;
        while (parts.find() && parts.start() == end) {
            nanos = nanos.add(
                    new BigDecimal(parts.group(1)).multiply(BigDecimal.valueOf(NANOS_PER_UNIT.get(parts.group(2)))));
            end = parts.end();
        }
        if (end == 0 || end != unsigned.length()) {
            return Optional.empty();
        }
        Duration duration = Duration.ofNanos(nanos.longValue());
        return Optional.of(negative ? duration.negated() : duration);
    }
}
