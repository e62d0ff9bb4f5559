package dev.berth.core.installation;

import static dev.berth.core.installation.ManagementAccess.Level.ADMIN;
import static dev.berth.core.installation.ManagementAccess.Level.NONE;
import static dev.berth.core.installation.ManagementAccess.Level.OWN;
import static dev.berth.core.installation.ManagementAccess.Level.READ;
import static dev.berth.core.installation.ManagementAccess.Level.WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.core.auth.Principal;
import dev.berth.core.error.ErrorCode;
import dev.berth.core.installation.ManagementAccess.Level;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.core.tier.Tier;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How much each role lets a principal manage, on the installation and on each registry. */
public abstract class ManagementAccessContract extends InstallationFixture {
    private RegistryRecord alpha;
    private RegistryRecord bravo;

    @BeforeEach
    void createRegistries() throws IOException {
        alpha = registry("alpha", Tier.BASIC);
        bravo = registry("bravo", Tier.BASIC);
    }

    private Principal user(String name, String role, String scope) throws IOException {
        management.users().put(name, Optional.empty(), Optional.empty(), Optional.empty());
        if (role != null) {
            management.roles().assign("user:" + name, role, RoleScope.parse(scope));
        }
        return Principal.user(name, false);
    }

    private void assertLevels(Principal principal, Level installation, Level onAlpha, Level onBravo)
            throws IOException {
        ManagementAccess access = management.access();
        assertEquals(installation, access.onInstallation(principal), "on the installation");
        assertEquals(onAlpha, access.onRegistry(principal, alpha), "on alpha");
        assertEquals(onBravo, access.onRegistry(principal, bravo), "on bravo");
    }

    @Test
    void anInstallationAdministratorMayDoEverything() throws IOException {
        assertLevels(Principal.user("root", true), ADMIN, ADMIN, ADMIN);
    }

    @Test
    void rolesOnTheInstallationReachEveryRegistry() throws IOException {
        assertLevels(user("owner", "Owner", "/"), OWN, OWN, OWN);
        assertLevels(user("contributor", "Contributor", "/"), WRITE, WRITE, WRITE);
        assertLevels(user("reader", "Reader", "/"), READ, READ, READ);
    }

    @Test
    void rolesOnARegistryReachOnlyIt() throws IOException {
        assertLevels(user("owner", "Owner", "/registries/alpha"), NONE, OWN, NONE);
        assertLevels(user("contributor", "Contributor", "/registries/alpha"), NONE, WRITE, NONE);
        assertLevels(user("reader", "Reader", "/registries/alpha"), NONE, READ, NONE);
    }

    @Test
    void theHighestRoleCounts() throws IOException {
        Principal both = user("both", "Reader", "/");
        management.roles().assign("user:both", "Owner", RoleScope.parse("/registries/alpha"));
        assertLevels(both, READ, OWN, READ);
    }

    @Test
    void dataPlaneRolesAndRepositoryRolesManageNothing() throws IOException {
        assertLevels(user("pusher", "AcrPush", "/registries/alpha"), NONE, NONE, NONE);
        assertLevels(user("everywhere", "AcrPull", "/"), NONE, NONE, NONE);
        assertLevels(user("repo", "Reader", "/registries/alpha/repositories/app"), NONE, NONE, NONE);
        assertLevels(user("nobody", null, "/"), NONE, NONE, NONE);
    }

    @Test
    void servicePrincipalsHoldRolesLikeUsers() throws IOException {
        management.users().putServicePrincipal("ci-bot", Optional.empty(), Optional.empty());
        management.roles().assign("servicePrincipal:ci-bot", "Contributor", RoleScope.parse("/registries/bravo"));
        assertLevels(Principal.servicePrincipal("ci-bot"), NONE, NONE, WRITE);
    }

    @Test
    void tokensAdminAccountsAndAnonymousManageNothingWhateverTheyHold() throws IOException {
        store.identities()
                .assign(new dev.berth.core.auth.RoleAssignment(
                        Principal.adminAccount(alpha.id()).subject(), alpha.id(), "*", dev.berth.core.auth.Role.OWNER));
        assertLevels(Principal.adminAccount(alpha.id()), NONE, NONE, NONE);
        assertLevels(Principal.token(alpha.id(), "token1"), NONE, NONE, NONE);
        assertLevels(Principal.ANONYMOUS, NONE, NONE, NONE);
    }

    @Test
    void aRevokedRoleStopsAtOnce() throws IOException {
        Principal owner = user("owner", "Owner", "/registries/alpha");
        RoleAssignmentView view = management.roles().on(alpha).getFirst();
        management.roles().unassign(view.id());
        assertLevels(owner, NONE, NONE, NONE);
    }

    @Test
    void levelsIncludeTheOnesBelow() {
        assertEquals(true, ADMIN.atLeast(OWN) && OWN.atLeast(WRITE) && WRITE.atLeast(READ) && READ.atLeast(NONE));
        assertEquals(false, READ.atLeast(WRITE));
        ManagementAccess.require(OWN, WRITE, "change");
        RuntimeException e = refused(ErrorCode.DENIED, () -> ManagementAccess.require(READ, WRITE, "change it"));
        assertEquals("the caller may not change it; it needs the Contributor role", e.getMessage());
    }
}
