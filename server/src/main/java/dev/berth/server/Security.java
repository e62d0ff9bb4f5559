package dev.berth.server;

import dev.berth.auth.JwtTokens;
import dev.berth.auth.SigningKeys;
import dev.berth.core.access.AccessControl;
import dev.berth.core.access.AccessPolicy;
import dev.berth.core.access.Authenticator;
import dev.berth.core.access.NetworkRulesCache;
import dev.berth.core.access.SignInGuard;
import dev.berth.core.auth.PasswordHasher;
import dev.berth.core.registry.RegistryResolver;
import dev.berth.core.spi.MetadataStore;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.core.throttle.Throttle;
import dev.berth.http.auth.AccessGate;
import dev.berth.http.auth.ClientAddresses;
import dev.berth.http.auth.ManagementGate;
import dev.berth.http.auth.TokenApi;
import dev.berth.http.server.Endpoint;
import dev.berth.server.config.BerthConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Wires authentication: the gate in front of the data plane, the gate in front of the management API, and the token
 * service, unless auth is off.
 */
record Security(AccessGate gate, ManagementGate managementGate, List<Endpoint> endpoints) {
    private static final System.Logger LOG = System.getLogger("berth.auth");

    static Security wire(
            BerthConfig.Auth config,
            MetadataStore metadata,
            PasswordHasher hasher,
            RegistryRecord defaultRegistry,
            RegistryResolver registries,
            Path dataDir,
            Throttle throttle)
            throws IOException {
        if (!config.enabled()) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "authentication is OFF: anyone who can reach Berth may push, delete and manage registries");
            NetworkRulesCache rules = new NetworkRulesCache(metadata.identities(), Clock.systemUTC());
            AccessGate open = AccessGate.open(
                    throttle, new ClientAddresses(config.trustedProxies()), registry -> rules.of(registry.id()));
            return new Security(open, ManagementGate.open(), List.of());
        }
        Clock clock = Clock.systemUTC();
        AdminBootstrap.ensureAdmin(metadata.identities(), hasher, defaultRegistry, config);
        SigningKeys keys = SigningKeys.loadOrCreate(dataDir.resolve("keys").resolve("token-signing"), clock);
        JwtTokens tokens = new JwtTokens(keys, clock, config.accessTokenTtl(), config.refreshTokenTtl());
        AccessControl control = new AccessControl(
                new Authenticator(metadata.identities(), hasher, clock),
                new AccessPolicy(metadata.identities(), metadata.directory()::installationRoles),
                tokens,
                metadata.identities(),
                new SignInGuard(clock),
                new LoggedAuditLog(),
                clock);
        ClientAddresses addresses = new ClientAddresses(config.trustedProxies());
        AccessGate gate = AccessGate.enforcing(control, addresses, throttle);
        return new Security(
                gate, ManagementGate.enforcing(control, addresses), List.of(new TokenApi(control, gate, registries)));
    }

    /** Forgets remembered sign-ins after credentials changed. */
    void credentialsChanged() {
        managementGate.credentialsChanged();
    }
}
