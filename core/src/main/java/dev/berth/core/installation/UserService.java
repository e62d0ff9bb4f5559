package dev.berth.core.installation;

import dev.berth.core.auth.PasswordHasher;
import dev.berth.core.auth.RegistryToken.Password;
import dev.berth.core.auth.Secrets;
import dev.berth.core.auth.ServicePrincipal;
import dev.berth.core.spi.IdentityStore.UserRecord;
import dev.berth.core.spi.MetadataStore;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Local users and service principals. A password that is not given is generated and shown once; a changed or
 * removed credential stops working at once (remembered sign-ins are forgotten).
 */
public final class UserService {
    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,127}");
    private static final int MIN_PASSWORD = 8;

    private final MetadataStore metadata;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final Runnable credentialsChanged;

    public UserService(MetadataStore metadata, PasswordHasher hasher, Clock clock, Runnable credentialsChanged) {
        this.metadata = metadata;
        this.hasher = hasher;
        this.clock = clock;
        this.credentialsChanged = credentialsChanged;
    }

    public List<UserRecord> users() throws IOException {
        return metadata.directory().users();
    }

    public UserRecord user(String name) throws IOException {
        return metadata.identities().findUser(name).orElseThrow(() -> Problems.notFound("user '" + name + "'"));
    }

    /** A user just created or changed, and its password when Berth generated it. */
    public record PutUser(UserRecord user, boolean created, Optional<String> generatedPassword) {}

    /** Creates a user or changes one; what is not given stays (a new user is enabled, not an administrator). */
    public PutUser put(String name, Optional<String> password, Optional<Boolean> admin, Optional<Boolean> enabled)
            throws IOException {
        if (name == null || !USER_NAME.matcher(name).matches()) {
            throw Problems.invalid("a user name is 1 to 128 letters, digits, '.', '_', '@' and '-'");
        }
        password.ifPresent(UserService::checkPassword);
        Optional<UserRecord> current = metadata.identities().findUser(name);
        if (current.isEmpty()
                && metadata.identities().findServicePrincipal(name).isPresent()) {
            throw Problems.conflict("a service principal " + name + " exists; user names and its ids differ");
        }
        if (current.isEmpty()) {
            String value = password.orElseGet(Secrets::generate);
            UserRecord user = new UserRecord(name, hasher.hash(value), admin.orElse(false), enabled.orElse(true));
            if (!metadata.identities().createUser(user)) {
                throw Problems.conflict("the user " + name + " was created meanwhile");
            }
            return new PutUser(user, true, password.isPresent() ? Optional.empty() : Optional.of(value));
        }
        UserRecord old = current.get();
        UserRecord changed = new UserRecord(
                name,
                password.map(hasher::hash).orElse(old.passwordHash()),
                admin.orElse(old.installationAdmin()),
                enabled.orElse(old.enabled()));
        if (old.installationAdmin() && (!changed.installationAdmin() || !changed.enabled())) {
            requireAnotherAdmin(name);
        }
        metadata.directory().updateUser(changed);
        credentialsChanged.run();
        return new PutUser(changed, false, Optional.empty());
    }

    public void delete(String name) throws IOException {
        UserRecord user = user(name);
        if (user.installationAdmin()) {
            requireAnotherAdmin(name);
        }
        metadata.directory().deleteUser(name);
        credentialsChanged.run();
    }

    private void requireAnotherAdmin(String name) throws IOException {
        boolean another = metadata.directory().users().stream()
                .anyMatch(u -> u.installationAdmin() && u.enabled() && !u.name().equals(name));
        if (!another) {
            throw Problems.conflict("the user " + name + " is the last enabled installation administrator");
        }
    }

    private static void checkPassword(String password) {
        if (password.length() < MIN_PASSWORD || password.length() > 256) {
            throw Problems.invalid("a password is 8 to 256 characters");
        }
    }

    public List<ServicePrincipal> servicePrincipals() throws IOException {
        return metadata.directory().servicePrincipals();
    }

    public ServicePrincipal servicePrincipal(String id) throws IOException {
        return metadata.identities()
                .findServicePrincipal(id)
                .orElseThrow(() -> Problems.notFound("service principal '" + id + "'"));
    }

    /** A service principal just created or changed, and its secret when one was made. */
    public record PutServicePrincipal(ServicePrincipal principal, boolean created, Optional<IssuedSecret> secret) {}

    /** Creates a service principal with a new secret, or changes its display name and status. */
    public PutServicePrincipal putServicePrincipal(String id, Optional<String> displayName, Optional<Boolean> enabled)
            throws IOException {
        if (id == null || !USER_NAME.matcher(id).matches()) {
            throw Problems.invalid("a service principal id is 1 to 128 letters, digits, '.', '_', '@' and '-'");
        }
        if (metadata.identities().findUser(id).isPresent()) {
            throw Problems.conflict("a user named " + id + " exists; service principal ids and user names differ");
        }
        Optional<ServicePrincipal> current = metadata.identities().findServicePrincipal(id);
        if (current.isPresent()) {
            ServicePrincipal old = current.get();
            ServicePrincipal changed = new ServicePrincipal(
                    id, displayName.orElse(old.displayName()), enabled.orElse(old.enabled()), old.secrets());
            metadata.identities().putServicePrincipal(changed);
            credentialsChanged.run();
            return new PutServicePrincipal(changed, false, Optional.empty());
        }
        IssuedSecret secret = new IssuedSecret("secret1", Secrets.generate(), clock.instant(), null);
        ServicePrincipal created = new ServicePrincipal(
                id,
                displayName.orElse(id),
                enabled.orElse(true),
                List.of(new Password(secret.name(), hasher.hash(secret.value()), null)));
        metadata.identities().putServicePrincipal(created);
        return new PutServicePrincipal(created, true, Optional.of(secret));
    }

    /** Replaces a service principal's secrets with one new secret. */
    public IssuedSecret resetCredential(String id) throws IOException {
        ServicePrincipal old = servicePrincipal(id);
        IssuedSecret secret = new IssuedSecret("secret1", Secrets.generate(), clock.instant(), null);
        metadata.identities()
                .putServicePrincipal(new ServicePrincipal(
                        id,
                        old.displayName(),
                        old.enabled(),
                        List.of(new Password(secret.name(), hasher.hash(secret.value()), null))));
        credentialsChanged.run();
        return secret;
    }

    public void deleteServicePrincipal(String id) throws IOException {
        if (!metadata.directory().deleteServicePrincipal(id)) {
            throw Problems.notFound("service principal '" + id + "'");
        }
        credentialsChanged.run();
    }
}
