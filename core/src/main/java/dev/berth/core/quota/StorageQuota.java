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
 * recounts every few seconds, and is recounted exactly before any refusal.
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

    /**
     * Checks that the registry has room for a blob of the given size.
     *
     * @return the bytes the blob adds: its size, or none when a repository of the registry holds it already; pass
     *     them to {@link #added} once the blob is linked
     */
    public long requireRoomForBlob(RegistryRecord registry, Digest digest, long size) throws IOException {
        long adds = usage.holdsBlob(registry.id(), digest) ? 0 : size;
        requireRoom(registry, adds);
        return adds;
    }

    /** Checks that the registry has room for the given bytes more, or for nothing more when {@code adds} is 0. */
    public void requireRoom(RegistryRecord registry, long adds) throws IOException {
        long max = catalog.limits(registry.tier()).maxStorageBytes();
        if (meter.bytes(registry.id()) + adds <= max) {
            return;
        }
        long used = meter.count(registry.id());
        if (used + adds > max) {
            throw exceeded(registry, used, max, adds);
        }
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
