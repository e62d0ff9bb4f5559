package dev.berth.core.auth;

import java.util.List;

/**
 * A registry's admin account, as ACR's: disabled by default; when enabled, the user name is the registry's name and
 * either of two passwords signs in, with full push, pull and delete on that registry and no other.
 */
public record AdminAccount(long registryId, boolean enabled, List<RegistryToken.Password> passwords) {
    public AdminAccount {
        passwords = List.copyOf(passwords);
    }

    public static AdminAccount disabled(long registryId) {
        return new AdminAccount(registryId, false, List.of());
    }
}
