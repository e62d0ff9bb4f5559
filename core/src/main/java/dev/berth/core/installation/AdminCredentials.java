package dev.berth.core.installation;

import dev.berth.core.auth.AdminAccount;
import dev.berth.core.auth.PasswordHasher;
import dev.berth.core.auth.RegistryToken.Password;
import dev.berth.core.auth.Secrets;
import dev.berth.core.spi.IdentityStore;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * A registry's admin account: user name = the registry's name, two passwords ({@code password} and {@code
 * password2}) so one can be renewed while clients still use the other. A renewed password is shown once.
 */
public final class AdminCredentials {
    public static final List<String> NAMES = List.of("password", "password2");

    private final IdentityStore identities;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final Runnable credentialsChanged;

    public AdminCredentials(IdentityStore identities, PasswordHasher hasher, Clock clock, Runnable credentialsChanged) {
        this.identities = identities;
        this.hasher = hasher;
        this.clock = clock;
        this.credentialsChanged = credentialsChanged;
    }

    /** The names of the passwords the account has now (never their values). */
    public List<String> passwordNames(RegistryRecord registry) throws IOException {
        return identities.adminAccount(registry.id()).passwords().stream()
                .map(Password::name)
                .toList();
    }

    public boolean enabled(RegistryRecord registry) throws IOException {
        return identities.adminAccount(registry.id()).enabled();
    }

    /** Makes a new value for one of the two passwords, replacing the old one at once. */
    public IssuedSecret regenerate(RegistryRecord registry, String name) throws IOException {
        if (!NAMES.contains(name)) {
            throw Problems.invalid(
                    "the admin account's passwords are named password and password2, not '" + name + "'");
        }
        AdminAccount account = identities.adminAccount(registry.id());
        String value = Secrets.generate();
        List<Password> passwords = new ArrayList<>();
        for (Password password : account.passwords()) {
            if (!password.name().equals(name)) {
                passwords.add(password);
            }
        }
        passwords.add(new Password(name, hasher.hash(value), null));
        passwords.sort(java.util.Comparator.comparing(Password::name));
        identities.setAdminAccount(new AdminAccount(registry.id(), account.enabled(), passwords));
        credentialsChanged.run();
        return new IssuedSecret(name, value, clock.instant(), null);
    }
}
