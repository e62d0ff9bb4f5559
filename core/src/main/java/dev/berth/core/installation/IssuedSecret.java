package dev.berth.core.installation;

import java.time.Instant;

/**
 * A password or secret just made, with its value: the only time anyone sees it, since Berth keeps only a hash.
 *
 * @param expiry when it stops working; null for never
 */
public record IssuedSecret(String name, String value, Instant creationTime, Instant expiry) {}
