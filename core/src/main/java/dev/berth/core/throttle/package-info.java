/**
 * Request throttling as Azure Container Registry does it: token buckets that refill continuously, per registry and
 * per identity, for reads, writes, deletes, referrers listings and token requests, at the rates of the registry's
 * tier. {@link dev.berth.core.throttle.Throttle} admits a request or refuses it with {@code TOOMANYREQUESTS} and the
 * seconds until it would be admitted; it takes no lock shared between registries and forgets idle identities.
 */
package dev.berth.core.throttle;
