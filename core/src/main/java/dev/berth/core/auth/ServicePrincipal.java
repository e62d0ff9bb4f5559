package dev.berth.core.auth;

import java.util.List;

/**
 * A service principal: an identity for a program rather than a person, with an id (its user name), a display name,
 * and client secrets (as hashes, each with an expiry; ACR's default is a year). It holds roles like a user, and
 * signs in with {@code docker login -u <id> -p <secret>} or the OAuth2 client-credentials grant.
 */
public record ServicePrincipal(String id, String displayName, boolean enabled, List<RegistryToken.Password> secrets) {
    public ServicePrincipal {
        secrets = List.copyOf(secrets);
    }
}
