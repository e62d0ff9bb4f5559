package dev.berth.core.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.MovableClock;
import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.core.tier.RequestRates;
import dev.berth.core.tier.Tier;
import dev.berth.core.tier.TierCatalog;
import dev.berth.core.tier.TierLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThrottleTest {
    /** Reads 4 per registry and 2 per identity; writes 3 and 2; deletes 2 and 1; referrers 3 and 1; tokens 2. */
    private static final RequestRates TINY = new RequestRates(4, 2, 3, 2, 2, 1, 3, 1, 2);

    private static final RegistryRecord BASIC = new RegistryRecord(1, "one", Tier.BASIC, Instant.EPOCH);
    private static final RegistryRecord OTHER = new RegistryRecord(2, "two", Tier.BASIC, Instant.EPOCH);

    private final MovableClock clock = new MovableClock();
    private final Throttle throttle = new Throttle(catalog(TINY), clock);

    static TierCatalog catalog(RequestRates basicRates) {
        TierLimits basic = TierCatalog.defaults().limits(Tier.BASIC);
        return TierCatalog.defaults()
                .with(
                        Tier.BASIC,
                        new TierLimits(
                                basic.includedStorageBytes(),
                                basic.maxStorageBytes(),
                                basic.webhooks(),
                                basic.tokens(),
                                basic.scopeMaps(),
                                basic.ipRules(),
                                basic.replications(),
                                basic.anonymousPull(),
                                basicRates));
    }

    private void admitted(RegistryRecord registry, String identity, RequestClass request, int times) {
        for (int i = 0; i < times; i++) {
            throttle.admit(registry, identity, request);
        }
    }

    private long refusedFor(RegistryRecord registry, String identity, RequestClass request) {
        RegistryException refused =
                assertThrows(RegistryException.class, () -> throttle.admit(registry, identity, request));
        assertEquals(ErrorCode.TOOMANYREQUESTS, refused.code());
        return ((Number) ((Map<?, ?>) refused.detail()).get("retryAfterSeconds")).longValue();
    }

    @Test
    void anIdentityOverItsReadRateIsRefusedWithAWaitThatCountsDown() {
        admitted(BASIC, "user:alice", RequestClass.READ, 2);
        assertEquals(30, refusedFor(BASIC, "user:alice", RequestClass.READ));
        clock.advance(Duration.ofSeconds(12));
        assertEquals(18, refusedFor(BASIC, "user:alice", RequestClass.READ));
        clock.advance(Duration.ofMillis(17_500));
        assertEquals(1, refusedFor(BASIC, "user:alice", RequestClass.READ), "a part of a second rounds up");
        clock.advance(Duration.ofMillis(500));
        admitted(BASIC, "user:alice", RequestClass.READ, 1);
    }

    @Test
    void identitiesHaveTheirOwnBucketsUnderTheRegistrysOne() {
        admitted(BASIC, "user:alice", RequestClass.READ, 2);
        admitted(BASIC, "user:bob", RequestClass.READ, 2);
        RegistryException refused =
                assertThrows(RegistryException.class, () -> throttle.admit(BASIC, "user:carol", RequestClass.READ));
        assertTrue(refused.getMessage().contains("read requests to this registry"), refused.getMessage());
        assertTrue(refused.getMessage().contains("Basic tier allows 4 a minute"), refused.getMessage());
    }

    @Test
    void registriesAreThrottledIndependently() {
        admitted(BASIC, "user:alice", RequestClass.READ, 2);
        admitted(BASIC, "user:bob", RequestClass.READ, 2);
        refusedFor(BASIC, "user:carol", RequestClass.READ);
        admitted(OTHER, "user:carol", RequestClass.READ, 2);
        admitted(OTHER, "user:alice", RequestClass.READ, 2);
    }

    @Test
    void eachClassOfRequestHasItsOwnBuckets() {
        admitted(BASIC, "user:alice", RequestClass.READ, 2);
        admitted(BASIC, "user:alice", RequestClass.WRITE, 2);
        admitted(BASIC, "user:alice", RequestClass.DELETE, 1);
        refusedFor(BASIC, "user:alice", RequestClass.WRITE);
        refusedFor(BASIC, "user:alice", RequestClass.DELETE);
    }

    @Test
    void aReferrersListingCountsAsAReadAndAgainstItsOwnLimit() {
        admitted(BASIC, "user:alice", RequestClass.REFERRERS, 1);
        refusedFor(BASIC, "user:alice", RequestClass.REFERRERS);
        admitted(BASIC, "user:alice", RequestClass.READ, 1);
        refusedFor(BASIC, "user:alice", RequestClass.READ);
    }

    @Test
    void tokenRequestsAreLimitedPerRegistryOnly() {
        admitted(BASIC, "user:alice", RequestClass.OAUTH, 1);
        admitted(BASIC, "user:bob", RequestClass.OAUTH, 1);
        assertEquals(30, refusedFor(BASIC, "user:carol", RequestClass.OAUTH));
        admitted(BASIC, "user:carol", RequestClass.READ, 1);
    }

    @Test
    void aRefusedRequestGivesBackWhatItTookFromOtherBuckets() {
        admitted(BASIC, "user:alice", RequestClass.READ, 2);
        for (int i = 0; i < 5; i++) {
            refusedFor(BASIC, "user:alice", RequestClass.READ);
        }
        admitted(BASIC, "user:bob", RequestClass.READ, 2);
    }

    @Test
    void theWaitIsThatOfTheEmptyBucketThatTakesLongest() {
        Throttle slow = new Throttle(catalog(new RequestRates(1, 2, 0, 0, 0, 0, 0, 0, 0)), clock);
        slow.admit(BASIC, "user:alice", RequestClass.READ);
        clock.advance(Duration.ofSeconds(20));
        RegistryException refused =
                assertThrows(RegistryException.class, () -> slow.admit(BASIC, "user:bob", RequestClass.READ));
        assertEquals(40L, ((Map<?, ?>) refused.detail()).get("retryAfterSeconds"));
    }

    @Test
    void zeroMeansUnlimited() {
        Throttle open = new Throttle(catalog(RequestRates.UNLIMITED), clock);
        for (int i = 0; i < 10_000; i++) {
            open.admit(BASIC, "user:alice", RequestClass.REFERRERS);
        }
        Throttle none = Throttle.unlimited();
        for (Tier tier : Tier.values()) {
            RegistryRecord registry = new RegistryRecord(3, "three", tier, Instant.EPOCH);
            for (int i = 0; i < 30_000; i++) {
                none.admit(registry, "anonymous:", RequestClass.READ);
            }
        }
    }

    @Test
    void aRegistryMovedToAnotherTierGetsThatTiersRates() {
        admitted(BASIC, "user:alice", RequestClass.READ, 2);
        refusedFor(BASIC, "user:alice", RequestClass.READ);
        RegistryRecord premium = new RegistryRecord(BASIC.id(), BASIC.name(), Tier.PREMIUM, Instant.EPOCH);
        admitted(premium, "user:alice", RequestClass.READ, 100);
    }

    @Test
    void identitiesWhoseBucketsFilledUpAgainAreForgotten() {
        int many = RegistryBuckets.FIRST_SWEEP * 3;
        for (int i = 0; i < many; i++) {
            throttle.admit(OTHER, "user:" + i, RequestClass.WRITE);
            if (i % 2 == 0) {
                clock.advance(Duration.ofMinutes(1));
            }
        }
        assertTrue(
                throttle.identities(OTHER.id()) <= RegistryBuckets.FIRST_SWEEP,
                "remembered " + throttle.identities(OTHER.id()));
    }
}
