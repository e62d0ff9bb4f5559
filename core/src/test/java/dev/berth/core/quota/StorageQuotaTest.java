package dev.berth.core.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.core.MovableClock;
import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.oci.Digest;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.core.spi.StorageUsage;
import dev.berth.core.spi.UsageStore;
import dev.berth.core.tier.RequestRates;
import dev.berth.core.tier.Tier;
import dev.berth.core.tier.TierCatalog;
import dev.berth.core.tier.TierLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StorageQuotaTest {
    private static final long MAX = 1000;
    private static final RegistryRecord REGISTRY = new RegistryRecord(7, "small", Tier.BASIC, Instant.EPOCH);
    private static final Digest HELD = Digest.sha256(new byte[] {1});
    private static final Digest NEW = Digest.sha256(new byte[] {2});

    /** A usage store that says what the test sets, and counts how often it was asked. */
    private static final class FakeUsage implements UsageStore {
        long bytes;
        int counts;
        int lookups;
        final Set<Digest> held = new HashSet<>(Set.of(HELD));

        @Override
        public StorageUsage registry(long registryId) {
            counts++;
            return new StorageUsage(bytes, 0);
        }

        @Override
        public List<RepositoryUsage> repositories(long registryId) {
            return List.of();
        }

        @Override
        public StorageUsage repository(long repositoryId) {
            return StorageUsage.NONE;
        }

        @Override
        public List<ManifestUsage> manifests(long repositoryId) {
            return List.of();
        }

        @Override
        public Optional<StorageUsage> manifest(long repositoryId, Digest digest) {
            return Optional.empty();
        }

        @Override
        public boolean holdsBlob(long registryId, Digest digest) {
            lookups++;
            return held.contains(digest);
        }
    }

    private final FakeUsage usage = new FakeUsage();
    private final MovableClock clock = new MovableClock();
    private final StorageQuota quota = new StorageQuota(catalog(), usage, clock);

    private static TierCatalog catalog() {
        TierLimits basic = TierCatalog.defaults().limits(Tier.BASIC);
        return TierCatalog.defaults()
                .with(
                        Tier.BASIC,
                        new TierLimits(
                                0,
                                MAX,
                                basic.webhooks(),
                                basic.tokens(),
                                basic.scopeMaps(),
                                0,
                                0,
                                false,
                                RequestRates.UNLIMITED));
    }

    private RegistryException refused(long adds) {
        return assertThrows(RegistryException.class, () -> quota.requireRoom(REGISTRY, adds));
    }

    @Test
    void aPushThatFillsTheRegistryExactlyIsAllowedAndOneByteMoreIsNot() throws Exception {
        usage.bytes = 600;
        quota.requireRoom(REGISTRY, 400);
        RegistryException refused = refused(401);
        assertEquals(ErrorCode.DENIED, refused.code());
        assertEquals(
                "registry storage quota exceeded: 600 B used of 1000 B (Basic), and this push needs 401 B more",
                refused.getMessage());
        assertEquals(
                Map.of(
                        "reason",
                        "QUOTA_EXCEEDED",
                        "tier",
                        "Basic",
                        "usedBytes",
                        600L,
                        "maxBytes",
                        MAX,
                        "pushBytes",
                        401L),
                refused.detail());
    }

    @Test
    void aBlobTheRegistryHoldsAddsNothing() throws Exception {
        usage.bytes = MAX;
        assertEquals(0, quota.requireRoomForBlob(REGISTRY, HELD, 500));
        assertThrows(RegistryException.class, () -> quota.requireRoomForBlob(REGISTRY, NEW, 1));
        usage.bytes = MAX - 1;
        assertEquals(1, quota.requireRoomForBlob(REGISTRY, NEW, 1));
    }

    @Test
    void whetherTheRegistryHoldsABlobIsAskedOnlyNearItsMaximum() throws Exception {
        usage.bytes = 500;
        assertEquals(500, quota.requireRoomForBlob(REGISTRY, HELD, 500));
        assertEquals(0, usage.lookups);
        quota.added(REGISTRY, 500);
        assertEquals(0, quota.requireRoomForBlob(REGISTRY, HELD, 500));
        assertEquals(1, usage.lookups);
        assertEquals(1, usage.counts);
    }

    @Test
    void aRegistryOverItsMaximumIsRefusedEvenWhatAddsNothing() throws Exception {
        usage.bytes = MAX + 1;
        assertEquals(
                "registry storage quota exceeded: 1001 B used of 1000 B (Basic)",
                refused(0).getMessage());
        assertThrows(RegistryException.class, () -> quota.requireRoomForBlob(REGISTRY, HELD, 500));
    }

    @Test
    void whatWasAddedCountsBeforeTheNextCount() throws Exception {
        quota.requireRoom(REGISTRY, 700);
        quota.added(REGISTRY, 700);
        quota.requireRoom(REGISTRY, 300);
        usage.bytes = 700;
        refused(301);
    }

    @Test
    void checkingCountsOnlyEveryFewSecondsOrBeforeARefusal() throws Exception {
        for (int i = 0; i < 100; i++) {
            quota.requireRoom(REGISTRY, 10);
        }
        assertEquals(1, usage.counts);
        usage.bytes = 995;
        quota.added(REGISTRY, 995);
        refused(10);
        assertEquals(2, usage.counts, "counted again before refusing");
        clock.advance(Duration.ofMillis(UsageMeter.RECOUNT_AFTER_MILLIS));
        usage.bytes = 100;
        quota.requireRoom(REGISTRY, 10);
        assertEquals(3, usage.counts);
    }

    @Test
    void bytesAddedBehindTheMetersBackAreSeenAtTheNextCount() throws Exception {
        quota.requireRoom(REGISTRY, 0);
        usage.bytes = MAX;
        quota.requireRoom(REGISTRY, 1);
        clock.advance(Duration.ofMillis(UsageMeter.RECOUNT_AFTER_MILLIS));
        refused(1);
    }

    @Test
    void deletionsAreSeenByTheExactCountBeforeARefusal() throws Exception {
        quota.requireRoom(REGISTRY, 0);
        quota.added(REGISTRY, MAX);
        usage.bytes = 0;
        quota.requireRoom(REGISTRY, MAX);
    }

    @Test
    void byteCountsReadAsPeopleWriteThem() {
        assertEquals("0 B", ByteSizes.format(0));
        assertEquals("1023 B", ByteSizes.format(1023));
        assertEquals("1.0 KiB", ByteSizes.format(1024));
        assertEquals("1.5 MiB", ByteSizes.format(3L << 19));
        assertEquals("10.0 GiB", ByteSizes.format(10L << 30));
        assertEquals("40.0 TiB", ByteSizes.format(40L << 40));
        assertEquals("8.0 EiB", ByteSizes.format(Long.MAX_VALUE));
    }
}
