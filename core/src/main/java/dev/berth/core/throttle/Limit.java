package dev.berth.core.throttle;

import dev.berth.core.tier.RequestRates;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/** One of the nine limits of {@link RequestRates}: a class of request, counted per registry or per identity. */
enum Limit {
    REGISTRY_READS(RequestClass.READ, false, RequestRates::readsPerRegistry),
    IDENTITY_READS(RequestClass.READ, true, RequestRates::readsPerIdentity),
    REGISTRY_WRITES(RequestClass.WRITE, false, RequestRates::writesPerRegistry),
    IDENTITY_WRITES(RequestClass.WRITE, true, RequestRates::writesPerIdentity),
    REGISTRY_DELETES(RequestClass.DELETE, false, RequestRates::deletesPerRegistry),
    IDENTITY_DELETES(RequestClass.DELETE, true, RequestRates::deletesPerIdentity),
    REGISTRY_REFERRERS(RequestClass.REFERRERS, false, RequestRates::referrersPerRegistry),
    IDENTITY_REFERRERS(RequestClass.REFERRERS, true, RequestRates::referrersPerIdentity),
    REGISTRY_TOKENS(RequestClass.OAUTH, false, RequestRates::oauthPerRegistry);

    private static final Map<RequestClass, Limit[]> APPLYING = new EnumMap<>(RequestClass.class);

    static {
        for (RequestClass request : RequestClass.values()) {
            APPLYING.put(request, applying(request));
        }
    }

    private final RequestClass counts;
    private final boolean perIdentity;
    private final ToIntFunction<RequestRates> rate;

    Limit(RequestClass counts, boolean perIdentity, ToIntFunction<RequestRates> rate) {
        this.counts = counts;
        this.perIdentity = perIdentity;
        this.rate = rate;
    }

    /** The limits a request of the class is counted against; a referrers listing is a read as well. */
    static Limit[] of(RequestClass request) {
        return APPLYING.get(request);
    }

    private static Limit[] applying(RequestClass request) {
        return java.util.Arrays.stream(values())
                .filter(limit -> limit.counts == request
                        || (request == RequestClass.REFERRERS && limit.counts == RequestClass.READ))
                .toArray(Limit[]::new);
    }

    boolean perIdentity() {
        return perIdentity;
    }

    /** Requests a minute the rates allow under this limit; 0 for no limit. */
    int perMinute(RequestRates rates) {
        return rate.applyAsInt(rates);
    }

    /** How a refusal names the limit, say "read requests from this identity". */
    String describe() {
        return counts.description() + " requests " + (perIdentity ? "from this identity" : "to this registry");
    }
}
