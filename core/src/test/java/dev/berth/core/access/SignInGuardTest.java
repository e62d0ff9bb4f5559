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

    private void attempt(int times, String user, String address) {
        for (int i = 0; i < times; i++) {
            assertEquals(Optional.empty(), guard.tryBegin(user, address), "attempt " + (i + 1));
        }
    }

    @Test
    void theFirstAttemptsGoAhead() {
        attempt(SignInGuard.FREE_FAILURES + 1, "alice", "10.0.0.1");
    }

    @Test
    void thenEachMustWaitABackoffThatDoublesUpToAMinute() {
        attempt(SignInGuard.FREE_FAILURES + 1, "alice", "10.0.0.1");
        assertEquals(Optional.of(Duration.ofSeconds(1)), guard.tryBegin("alice", "10.0.0.1"));
        clock.now = clock.now.plusSeconds(1);
        attempt(1, "alice", "10.0.0.1");
        assertEquals(Optional.of(Duration.ofSeconds(2)), guard.tryBegin("alice", "10.0.0.1"));
        for (int i = 0; i < 20; i++) {
            clock.now = clock.now.plus(Duration.ofMinutes(1));
            guard.tryBegin("alice", "10.0.0.1");
        }
        assertEquals(Optional.of(Duration.ofMinutes(1)), guard.tryBegin("alice", "10.0.0.1"));
    }

    @Test
    void aBurstSentAtOnceIsCountedBeforeAnyPasswordIsChecked() {
        long admitted = java.util.stream.IntStream.range(0, 100)
                .parallel()
                .filter(i -> guard.tryBegin("alice", "10.0.0.1").isEmpty())
                .count();
        assertEquals(SignInGuard.FREE_FAILURES + 1, admitted);
    }

    @Test
    void failuresForOneNameDoNotHoldUpAnotherNameFromTheSameAddress() {
        attempt(SignInGuard.FREE_FAILURES + 1, "mallory-guess", "10.0.0.1");
        assertTrue(guard.tryBegin("mallory-guess", "10.0.0.1").isPresent());
        assertEquals(Optional.empty(), guard.tryBegin("admin", "10.0.0.1"), "no stranger can lock the admin out");
        assertEquals(Optional.empty(), guard.tryBegin("mallory-guess", "10.0.0.2"), "nor from another address");
    }

    @Test
    void anAddressThatFailsForManyNamesIsHeldUpForEveryNamePastTheCeiling() {
        for (int i = 0; i <= SignInGuard.FREE_FAILURES_PER_ADDRESS; i++) {
            attempt(1, "sprayed-" + i, "10.0.0.1");
        }
        assertEquals(Optional.of(Duration.ofSeconds(1)), guard.tryBegin("admin", "10.0.0.1"));
        assertEquals(Optional.empty(), guard.tryBegin("admin", "10.0.0.2"));
        guard.succeeded("admin", "10.0.0.2");
    }

    @Test
    void anAttemptRefusedByTheAddressCeilingIsNotCountedAgainstItsName() {
        for (int i = 0; i <= SignInGuard.FREE_FAILURES_PER_ADDRESS; i++) {
            attempt(1, "sprayed-" + i, "10.0.0.1");
        }
        for (int i = 0; i < 10; i++) {
            assertTrue(guard.tryBegin("admin", "10.0.0.1").isPresent());
        }
        clock.now = clock.now.plus(Duration.ofMinutes(16));
        attempt(SignInGuard.FREE_FAILURES, "admin", "10.0.0.1");
    }

    @Test
    void anIpv6ClientIsCountedByItsNetwork() {
        attempt(SignInGuard.FREE_FAILURES + 1, "alice", "2001:db8::1");
        assertTrue(guard.tryBegin("alice", "2001:db8::2").isPresent());
        assertEquals(Optional.empty(), guard.tryBegin("alice", "2001:db8:0:1::1"));
        assertEquals("2001:db8:0:0:0:0:0:0/64", SignInGuard.networkOf("2001:db8::ffff"));
        assertEquals("10.0.0.1", SignInGuard.networkOf("10.0.0.1"));
    }

    @Test
    void manyMadeUpNamesFromManyAddressesKeepTheTableBounded() {
        for (int i = 0; i < SignInGuard.MAX_NAMES_TRACKED * 3; i++) {
            guard.tryBegin("random-" + i, "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
            if (i % 1000 == 0) {
                clock.now = clock.now.plusSeconds(2);
            }
        }
        assertTrue(
                guard.tracked() <= SignInGuard.MAX_NAMES_TRACKED + SignInGuard.MAX_ADDRESSES_TRACKED,
                "tracked " + guard.tracked());
    }

    @Test
    void aFloodOfNewNamesDoesNotMakeTheGuardForgetAHeldUpName() {
        attempt(SignInGuard.FREE_FAILURES + 1, "alice", "10.0.0.1");
        for (int i = 0; i < SignInGuard.MAX_NAMES_TRACKED * 2; i++) {
            guard.tryBegin("random-" + i, "10.1." + (i >> 8 & 255) + "." + (i & 255));
            if (i % 1000 == 0) {
                clock.now = clock.now.plusMillis(1100);
            }
        }
        attempt(1, "alice", "10.0.0.1");
        assertEquals(
                Optional.of(Duration.ofSeconds(2)),
                guard.tryBegin("alice", "10.0.0.1"),
                "alice's count went on where it was");
    }

    @Test
    void aSuccessTakesItsAttemptBack() {
        for (int i = 0; i < 20; i++) {
            attempt(1, "alice", "10.0.0.1");
            guard.succeeded("alice", "10.0.0.1");
        }
        attempt(SignInGuard.FREE_FAILURES, "alice", "10.0.0.1");
    }

    @Test
    void attemptsFadeAfterAQuietQuarterHour() {
        attempt(SignInGuard.FREE_FAILURES + 1, "alice", "10.0.0.1");
        clock.now = clock.now.plus(Duration.ofMinutes(16));
        attempt(SignInGuard.FREE_FAILURES, "alice", "10.0.0.1");
    }
}
