package dev.berth.core.tier;

/**
 * A tier's request-rate limits, in requests per minute, per registry and per identity, as ACR's current throttling
 * model has them. Reads are GET, HEAD and OPTIONS; writes PUT, PATCH and POST; a referrers listing counts both as a
 * read and against its own limit; OAuth (the token service) is limited per registry only. Zero means unlimited.
 */
public record RequestRates(
        int readsPerRegistry,
        int readsPerIdentity,
        int writesPerRegistry,
        int writesPerIdentity,
        int deletesPerRegistry,
        int deletesPerIdentity,
        int referrersPerRegistry,
        int referrersPerIdentity,
        int oauthPerRegistry) {
    public RequestRates {
        for (int rate : new int[] {
            readsPerRegistry,
            readsPerIdentity,
            writesPerRegistry,
            writesPerIdentity,
            deletesPerRegistry,
            deletesPerIdentity,
            referrersPerRegistry,
            referrersPerIdentity,
            oauthPerRegistry
        }) {
            if (rate < 0) {
                throw new IllegalArgumentException("request rates are zero (unlimited) or positive");
            }
        }
    }

    /** No limits at all. */
    public static final RequestRates UNLIMITED = new RequestRates(0, 0, 0, 0, 0, 0, 0, 0, 0);
}
