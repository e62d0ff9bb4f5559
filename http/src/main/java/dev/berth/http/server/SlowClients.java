package dev.berth.http.server;

import java.time.Duration;

/**
 * How slow a client may be before the server cuts it off, so that clients trickling bytes (slowloris) cannot hold
 * connections open for long, while slow but steady uploads of large layers go through.
 *
 * @param headerTimeout a request head (request line and headers) must arrive whole within this, counted from its first
 *     byte; an idle kept-alive connection is left to the idle timeout
 * @param minBodyBytesPerSecond a request body must arrive at least this fast on average, counted from when the handler
 *     first reads it; 0 turns the check off
 * @param bodyGrace how long a body may arrive slower than that at first (a client starting up, a slow network's first
 *     round trips) before the rate is held to it
 */
public record SlowClients(Duration headerTimeout, long minBodyBytesPerSecond, Duration bodyGrace) {
    /** 20 s for a request head; bodies at least 16 KiB/s on average after their first 10 s. */
    public static final SlowClients DEFAULTS =
            new SlowClients(Duration.ofSeconds(20), 16 * 1024, Duration.ofSeconds(10));

    public SlowClients {
        if (headerTimeout.isNegative() || headerTimeout.isZero()) {
            throw new IllegalArgumentException("the header timeout must be positive, not " + headerTimeout);
        }
        if (minBodyBytesPerSecond < 0) {
            throw new IllegalArgumentException("the minimum body rate must not be negative: " + minBodyBytesPerSecond);
        }
        if (bodyGrace.isNegative()) {
            throw new IllegalArgumentException("the body grace period must not be negative: " + bodyGrace);
        }
    }
}
