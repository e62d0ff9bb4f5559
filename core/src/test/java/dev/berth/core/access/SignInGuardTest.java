package dev.berth.core.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignInGuardTest {
    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-27T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final SignInGuard guard = new SignInGuard(clock);

    private void fail(int times, String user, String address) {
        for (int i = 0; i < times; i++) {
            guard.failed(user, address);
        }
    }

    @Test
    void theFirstFailuresCostNothing() {
        fail(SignInGuard.FREE_FAILURES, "alice", "10.0.0.1");
        assertEquals(Optional.empty(), guard.waitBefore("alice", "10.0.0.1"));
    }

    @Test
    void thenTheWaitDoublesUpToAMinute() {
        fail(SignInGuard.FREE_FAILURES + 1, "alice", "10.0.0.1");
        assertEquals(Optional.of(Duration.ofSeconds(1)), guard.waitBefore("alice", "10.0.0.1"));
        fail(1, "alice", "10.0.0.1");
        assertEquals(Optional.of(Duration.ofSeconds(2)), guard.waitBefore("alice", "10.0.0.1"));
        fail(20, "alice", "10.0.0.1");
        assertEquals(Optional.of(Duration.ofMinutes(1)), guard.waitBefore("alice", "10.0.0.1"));
    }

    @Test
    void aBlockedNameIsBlockedFromEveryAddressAndABlockedAddressForEveryName() {
        fail(SignInGuard.FREE_FAILURES + 1, "alice", "10.0.0.1");
        assertTrue(guard.waitBefore("alice", "10.0.0.2").isPresent());
        assertTrue(guard.waitBefore("bob", "10.0.0.1").isPresent());
        assertEquals(Optional.empty(), guard.waitBefore("bob", "10.0.0.2"));
    }

    @Test
    void theWaitEndsAndASuccessClearsTheName() {
        fail(SignInGuard.FREE_FAILURES + 1, "alice", "10.0.0.1");
        clock.now = clock.now.plusSeconds(2);
        assertEquals(Optional.empty(), guard.waitBefore("alice", "10.0.0.3"));
        guard.succeeded("alice");
        fail(1, "alice", "10.0.0.3");
        assertEquals(Optional.empty(), guard.waitBefore("alice", "10.0.0.3"));
    }

    @Test
    void failuresFadeAfterAQuietQuarterHour() {
        fail(SignInGuard.FREE_FAILURES + 3, "alice", "10.0.0.1");
        clock.now = clock.now.plus(Duration.ofMinutes(16));
        fail(1, "alice", "10.0.0.1");
        assertEquals(Optional.empty(), guard.waitBefore("alice", "10.0.0.1"));
    }
}
