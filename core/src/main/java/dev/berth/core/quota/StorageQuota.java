package dev.berth.core.quota;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.oci.Digest;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.core.spi.UsageStore;
import dev.berth.core.tier.TierCatalog;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Refuses a push that would take a registry past its tier's maximum storage, with {@link ErrorCode#DENIED} (ACR
 * calls it a "disallowed operation") and a message that says how much is used of how much. A push is allowed when
 * the registry's usage plus what the push adds stays at or under the maximum; a blob the registry already holds
 * adds nothing, so a mount, or a push of a layer another repository has, is refused only when the registry is over
 * its maximum already (say after moving to a smaller tier).
 *
 * <p>The check and the write it guards are not one transaction: pushes running at the same moment each see the
 * usage before the others, and together may pass the maximum by what they add. The usage is read from a meter that
 * recounts every few seconds, and is recounted exactly before any refusal, so a check costs no query unless the
 * registry is close to its maximum.
 */
public final class StorageQuota {
    private final TierCatalog catalog;
    private final UsageStore usage;
    private final UsageMeter meter;

    public StorageQuota(TierCatalog catalog, UsageStore usage, Clock clock) {
        this.catalog = catalog;
        this.usage = usage;
        this.meter = new UsageMeter(usage, clock);
    }

    /** Tells whether the registry already stores what is being pushed, so that it adds nothing. */
    @FunctionalInterface
    public interface AlreadyStored {
        boolean check() throws IOException;
    }

    /**
     * Checks that the registry has room for a blob of the given size; one that a repository of the registry links
     * already adds nothing.
     *
     * @return the bytes to pass to {@link #added} once the blob is linked
     */
    public long requireRoomForBlob(RegistryRecord registry, Digest digest, long size) throws IOException {
        return requireRoom(registry, size, () -> usage.holdsBlob(registry.id(), digest));
    }

    /**
     * Checks that the registry has room for {@code size} bytes more, or, when it stores them already, that it is not
     * over its maximum. Whether it stores them is asked only when the meter shows too little room for all of them;
     * otherwise they are counted as added, which can only make the meter read high until its next count.
     *
     * @return the bytes to pass to {@link #added} once the push is stored
     */
    public long requireRoom(RegistryRecord registry, long size, AlreadyStored stored) throws IOException {
        long max = catalog.limits(registry.tier()).maxStorageBytes();
        long metered = meter.bytes(registry.id());
        if (metered + size <= max) {
            return size;
        }
        long adds = stored.check() ? 0 : size;
        if (metered + adds <= max) {
            return adds;
        }
        long used = meter.count(registry.id());
        if (used + adds > max) {
            throw exceeded(registry, used, max, adds);
        }
        return adds;
    }

    /** Checks that the registry has room for {@code adds} bytes that it certainly does not store yet. */
    public void requireRoom(RegistryRecord registry, long adds) throws IOException {
        requireRoom(registry, adds, () -> false);
    }

    /** Records bytes an accepted push added, so that the next check sees them before the next count. */
    public void added(RegistryRecord registry, long bytes) {
        meter.add(registry.id(), bytes);
    }

    private static RegistryException exceeded(RegistryRecord registry, long used, long max, long adds) {
        String message = "registry storage quota exceeded: " + ByteSizes.format(used) + " used of "
                + ByteSizes.format(max) + " (" + registry.tier().displayName() + ")"
                + (adds > 0 ? ", and this push needs " + ByteSizes.format(adds) + " more" : "");
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("reason", "QUOTA_EXCEEDED");
        detail.put("tier", registry.tier().displayName());
        detail.put("usedBytes", used);
        detail.put("maxBytes", max);
        detail.put("pushBytes", adds);
        return new RegistryException(ErrorCode.DENIED, message, detail);
    }
}
