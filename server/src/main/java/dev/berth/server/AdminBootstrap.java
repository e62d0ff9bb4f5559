package dev.berth.server;

import dev.berth.core.auth.PasswordHasher;
import dev.berth.core.auth.Principal;
import dev.berth.core.auth.Role;
import dev.berth.core.auth.RoleAssignment;
import dev.berth.core.spi.IdentityStore;
import dev.berth.core.spi.IdentityStore.UserRecord;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.server.config.BerthConfig;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Creates the installation administrator {@code admin} on first start, with the configured password
 * ({@code BERTH_ADMIN_PASSWORD}) or a generated one printed once, and makes it Owner of the default registry.
 */
final class AdminBootstrap {
    static final String ADMIN = "admin";

    private AdminBootstrap() {}

    static void ensureAdmin(
            IdentityStore identities, PasswordHasher hasher, RegistryRecord defaultRegistry, BerthConfig.Auth config)
            throws IOException {
        if (identities.hasUsers()) {
            return;
        }
        boolean generated = config.generateAdminPassword();
        String password = generated ? generatePassword() : config.adminPassword();
        if (!identities.createUser(new UserRecord(ADMIN, hasher.hash(password), true, true))) {
            return;
        }
        identities.assign(
                new RoleAssignment(Principal.user(ADMIN, true).subject(), defaultRegistry.id(), "*", Role.OWNER));
        if (generated) {
            System.out.println("berth: created the administrator 'admin' with the password " + password);
            System.out.println("berth: it is shown only this once (set BERTH_ADMIN_PASSWORD to choose it instead)");
        } else {
            System.out.println("berth: created the administrator 'admin' with the password from the configuration");
        }
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
