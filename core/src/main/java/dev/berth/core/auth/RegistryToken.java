package dev.berth.core.auth;

import java.time.Instant;
import java.util.List;

/**
 * A repository-scoped token of a registry: a name, the scope map it holds, whether it is enabled, and up to two
 * passwords (as hashes, each with an optional expiry), so one can be rotated while the other still works.
 */
public record RegistryToken(long registryId, String name, String scopeMap, boolean enabled, List<Password> passwords) {
    /** One of the token's passwords: {@code password1} or {@code password2}. */
    public record Password(String name, String hash, Instant expiry) {
        public boolean isCurrent(Instant now) {
            return expiry == null || now.isBefore(expiry);
        }
    }

    public RegistryToken {
        passwords = List.copyOf(passwords);
    }
}
