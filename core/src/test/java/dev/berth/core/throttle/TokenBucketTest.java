package dev.berth.core.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.MovableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private final MovableClock clock = new MovableClock();

    private void takeAll(TokenBucket bucket, int times) {
        for (int i = 0; i < times; i++) {
            assertEquals(Duration.ZERO, bucket.tryTake(), "token " + (i + 1));
        }
    }

    @Test
    void aFullBucketAdmitsABurstOfItsWholeRateAtOnce() {
        TokenBucket bucket = new TokenBucket(60, clock);
        takeAll(bucket, 60);
        assertEquals(Duration.ofSeconds(1), bucket.tryTake());
    }

    @Test
    void anEmptyBucketAdmitsOneRequestPerRefillInterval() {
        TokenBucket bucket = new TokenBucket(6, clock);
        takeAll(bucket, 6);
        clock.advance(Duration.ofSeconds(9));
        assertEquals(Duration.ofSeconds(1), bucket.tryTake());
        clock.advance(Duration.ofSeconds(1));
        takeAll(bucket, 1);
        assertEquals(Duration.ofSeconds(10), bucket.tryTake());
    }

    @Test
    void theWaitCountsDownAsTimePassesBecauseARefusalTakesNothing() {
        TokenBucket bucket = new TokenBucket(2, clock);
        takeAll(bucket, 2);
        assertEquals(Duration.ofSeconds(30), bucket.tryTake());
        clock.advance(Duration.ofSeconds(10));
        assertEquals(Duration.ofSeconds(20), bucket.tryTake());
        assertEquals(Duration.ofSeconds(20), bucket.tryTake());
        clock.advance(Duration.ofSeconds(19));
        assertEquals(Duration.ofSeconds(1), bucket.tryTake());
    }

    @Test
    void refillingNeverOverflowsTheBucket() {
        TokenBucket bucket = new TokenBucket(3, clock);
        clock.advance(Duration.ofHours(5));
        takeAll(bucket, 3);
        assertFalse(bucket.tryTake().isZero());
    }

    @Test
    void refillIsContinuousSoHalfTheIntervalIsNotEnough() {
        TokenBucket bucket = new TokenBucket(1, clock);
        takeAll(bucket, 1);
        clock.advance(Duration.ofSeconds(30));
        assertEquals(Duration.ofSeconds(30), bucket.tryTake());
        clock.advance(Duration.ofSeconds(30));
        takeAll(bucket, 1);
    }

    @Test
    void aTokenGivenBackCanBeTakenAgain() {
        TokenBucket bucket = new TokenBucket(1, clock);
        takeAll(bucket, 1);
        bucket.giveBack();
        takeAll(bucket, 1);
    }

    @Test
    void aBucketIsFullAgainOnceItsWholeRateHasDrippedBack() {
        TokenBucket bucket = new TokenBucket(4, clock);
        long start = TokenBucket.nanos(clock);
        assertTrue(bucket.isFull(start));
        takeAll(bucket, 2);
        assertFalse(bucket.isFull(start));
        assertFalse(bucket.isFull(start + Duration.ofSeconds(29).toNanos()));
        assertTrue(bucket.isFull(start + Duration.ofSeconds(30).toNanos()));
    }

    @Test
    void concurrentTakersGetExactlyTheTokensThereAre() throws Exception {
        TokenBucket bucket = new TokenBucket(500, clock);
        AtomicInteger admitted = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 1000; i++) {
                    if (bucket.tryTake().isZero()) {
                        admitted.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(500, admitted.get());
    }

    @Test
    void aBucketNeedsAPositiveRate() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, clock));
    }
}
