package dev.berth.client;

import java.time.Instant;

/** A bearer token from a token service, and when to stop using it. */
record Token(String value, Instant renewAfter) {
    boolean isFresh(Instant now) {
        return now.isBefore(renewAfter);
    }
}
