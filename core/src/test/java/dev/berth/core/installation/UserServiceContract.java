package dev.berth.core.installation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.auth.ServicePrincipal;
import dev.berth.core.error.ErrorCode;
import dev.berth.core.spi.IdentityStore.UserRecord;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Users and service principals; the installation always keeps an enabled administrator. */
public abstract class UserServiceContract extends InstallationFixture {
    private static final Optional<String> NONE = Optional.empty();
    private static final Optional<Boolean> SAME = Optional.empty();

    private UserService users() {
        return management.users();
    }

    @BeforeEach
    void createAdmin() throws IOException {
        users().put("admin", Optional.of("admin-password"), Optional.of(true), SAME);
    }

    @Test
    void aUserMadeWithoutAPasswordGetsOneShownOnce() throws IOException {
        UserService.PutUser put = users().put("alice", NONE, SAME, SAME);
        assertTrue(put.created());
        String password = put.generatedPassword().orElseThrow();
        assertTrue(hasher.verify(password, users().user("alice").passwordHash()));
        assertFalse(put.user().installationAdmin());
        assertTrue(put.user().enabled());
    }

    @Test
    void aGivenPasswordIsNotShownAgain() throws IOException {
        UserService.PutUser put = users().put("alice", Optional.of("alice-password"), SAME, SAME);
        assertEquals(Optional.empty(), put.generatedPassword());
        assertTrue(hasher.verify("alice-password", users().user("alice").passwordHash()));
    }

    @Test
    void anUpdateChangesOnlyWhatItNamesAndForgetsRememberedSignIns() throws IOException {
        users().put("alice", Optional.of("alice-password"), SAME, SAME);
        int before = credentialChanges.get();
        UserService.PutUser put = users().put("alice", NONE, Optional.of(true), SAME);
        assertFalse(put.created());
        assertTrue(put.user().installationAdmin());
        assertTrue(hasher.verify("alice-password", users().user("alice").passwordHash()), "password stays");
        assertEquals(before + 1, credentialChanges.get());
    }

    @Test
    void badNamesAndPasswordsAreInvalidRequests() {
        refused(ErrorCode.INVALID_REQUEST, () -> users().put("-alice", NONE, SAME, SAME));
        refused(ErrorCode.INVALID_REQUEST, () -> users().put("al ice", NONE, SAME, SAME));
        refused(ErrorCode.INVALID_REQUEST, () -> users().put("x".repeat(129), NONE, SAME, SAME));
        refused(ErrorCode.INVALID_REQUEST, () -> users().put("alice", Optional.of("short"), SAME, SAME));
        refused(ErrorCode.INVALID_REQUEST, () -> users().put("alice", Optional.of("p".repeat(257)), SAME, SAME));
    }

    @Test
    void theLastEnabledAdministratorCannotBeDeletedDemotedOrDisabled() throws IOException {
        refused(ErrorCode.CONFLICT, () -> users().delete("admin"));
        refused(ErrorCode.CONFLICT, () -> users().put("admin", NONE, Optional.of(false), SAME));
        refused(ErrorCode.CONFLICT, () -> users().put("admin", NONE, SAME, Optional.of(false)));
        UserRecord admin = users().user("admin");
        assertTrue(admin.installationAdmin() && admin.enabled());
    }

    @Test
    void aDisabledAdministratorDoesNotCountAsAnother() throws IOException {
        users().put("second", Optional.of("second-password"), Optional.of(true), Optional.of(false));
        refused(ErrorCode.CONFLICT, () -> users().delete("admin"));
    }

    @Test
    void withAnotherEnabledAdministratorOneMayGo() throws IOException {
        users().put("second", Optional.of("second-password"), Optional.of(true), SAME);
        users().put("admin", NONE, Optional.of(false), SAME);
        refused(ErrorCode.CONFLICT, () -> users().delete("second"));
        users().put("admin", NONE, Optional.of(true), SAME);
        users().delete("second");
        refused(ErrorCode.RESOURCE_NOT_FOUND, () -> users().user("second"));
        refused(ErrorCode.RESOURCE_NOT_FOUND, () -> users().delete("second"));
    }

    @Test
    void usersAreListedByName() throws IOException {
        users().put("zed", NONE, SAME, SAME);
        users().put("amy", NONE, SAME, SAME);
        assertEquals(
                List.of("admin", "amy", "zed"),
                users().users().stream().map(UserRecord::name).toList());
    }

    @Test
    void aServicePrincipalGetsOneSecretShownOnce() throws IOException {
        UserService.PutServicePrincipal put = users().putServicePrincipal("ci-bot", Optional.of("CI"), SAME);
        assertTrue(put.created());
        IssuedSecret secret = put.secret().orElseThrow();
        ServicePrincipal stored = users().servicePrincipal("ci-bot");
        assertEquals("CI", stored.displayName());
        assertTrue(hasher.verify(secret.value(), stored.secrets().getFirst().hash()));
        UserService.PutServicePrincipal again = users().putServicePrincipal("ci-bot", NONE, Optional.of(false));
        assertFalse(again.created());
        assertEquals(Optional.empty(), again.secret());
        assertEquals("CI", again.principal().displayName());
        assertFalse(again.principal().enabled());
    }

    @Test
    void aResetCredentialReplacesEverySecret() throws IOException {
        IssuedSecret first =
                users().putServicePrincipal("ci-bot", NONE, SAME).secret().orElseThrow();
        IssuedSecret second = users().resetCredential("ci-bot");
        List<dev.berth.core.auth.RegistryToken.Password> secrets =
                users().servicePrincipal("ci-bot").secrets();
        assertEquals(1, secrets.size());
        assertTrue(hasher.verify(second.value(), secrets.getFirst().hash()));
        assertFalse(hasher.verify(first.value(), secrets.getFirst().hash()));
        refused(ErrorCode.RESOURCE_NOT_FOUND, () -> users().resetCredential("nosuch"));
    }

    @Test
    void aDeletedServicePrincipalIsGone() throws IOException {
        users().putServicePrincipal("ci-bot", NONE, SAME);
        users().deleteServicePrincipal("ci-bot");
        refused(ErrorCode.RESOURCE_NOT_FOUND, () -> users().servicePrincipal("ci-bot"));
        refused(ErrorCode.RESOURCE_NOT_FOUND, () -> users().deleteServicePrincipal("ci-bot"));
        assertEquals(List.of(), users().servicePrincipals());
    }

    @Test
    void userNamesAndServicePrincipalIdsNeverCollide() throws IOException {
        users().put("alice", NONE, SAME, SAME);
        refused(ErrorCode.CONFLICT, () -> users().putServicePrincipal("alice", NONE, SAME));
        users().putServicePrincipal("ci-bot", NONE, SAME);
        refused(ErrorCode.CONFLICT, () -> users().put("ci-bot", NONE, SAME, SAME));
    }
}
