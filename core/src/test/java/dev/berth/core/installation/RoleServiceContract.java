package dev.berth.core.installation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.auth.Role;
import dev.berth.core.error.ErrorCode;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.core.tier.Tier;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Role assignments on the installation, a registry and some of its repositories, with stable ids. */
public abstract class RoleServiceContract extends InstallationFixture {
    private RegistryRecord alpha;

    @BeforeEach
    void createRegistryAndPrincipals() throws IOException {
        alpha = registry("alpha", Tier.BASIC);
        management.users().put("alice", Optional.empty(), Optional.empty(), Optional.empty());
        management.users().putServicePrincipal("ci-bot", Optional.empty(), Optional.empty());
    }

    private RoleService roles() {
        return management.roles();
    }

    @Test
    void assignmentsAreListedOnTheInstallationThenEachRegistry() throws IOException {
        RoleAssignmentView onRepos =
                roles().assign("user:alice", "AcrPush", RoleScope.parse("/registries/alpha/repositories/team/*"));
        RoleAssignmentView onInstallation = roles().assign("servicePrincipal:ci-bot", "reader", RoleScope.INSTALLATION);
        RoleAssignmentView onRegistry = roles().assign("user:alice", "Owner", RoleScope.parse("/registries/ALPHA"));
        assertEquals(Role.READER, onInstallation.role(), "role names in any case");
        assertEquals(List.of(onInstallation, onRegistry, onRepos), roles().list());
        assertEquals(List.of(onRegistry, onRepos), roles().on(alpha));
        assertEquals("/registries/alpha", onRegistry.scope().toString());
    }

    @Test
    void theSameAssignmentHasTheSameIdAndGivingItTwiceIsHarmless() throws IOException {
        RoleAssignmentView first = roles().assign("user:alice", "AcrPull", RoleScope.parse("/registries/alpha"));
        RoleAssignmentView again = roles().assign("user:alice", "AcrPull", RoleScope.parse("/registries/alpha"));
        assertEquals(first.id(), again.id());
        assertEquals(1, roles().list().size());
        assertNotEquals(first.id(), new RoleAssignmentView("user:alice", Role.ACR_PUSH, first.scope()).id());
        assertTrue(first.id().matches("[0-9a-f]{32}"), first.id());
    }

    @Test
    void anAssignmentIsTakenBackByItsId() throws IOException {
        RoleAssignmentView onRegistry = roles().assign("user:alice", "AcrPull", RoleScope.parse("/registries/alpha"));
        RoleAssignmentView onInstallation = roles().assign("user:alice", "Reader", RoleScope.INSTALLATION);
        roles().unassign(onRegistry.id());
        roles().unassign(onInstallation.id());
        assertEquals(List.of(), roles().list());
        refused(ErrorCode.RESOURCE_NOT_FOUND, () -> roles().unassign(onRegistry.id()));
    }

    @Test
    void ownerAndContributorHoldOnWholeRegistriesOnly() {
        RoleScope repository = RoleScope.parse("/registries/alpha/repositories/app");
        refused(ErrorCode.INVALID_REQUEST, () -> roles().assign("user:alice", "Owner", repository));
        refused(ErrorCode.INVALID_REQUEST, () -> roles().assign("user:alice", "Contributor", repository));
    }

    @Test
    void unknownRolesPrincipalsAndRegistriesAreRefused() {
        RoleScope scope = RoleScope.parse("/registries/alpha");
        refused(ErrorCode.INVALID_REQUEST, () -> roles().assign("user:alice", "Superuser", scope));
        refused(ErrorCode.INVALID_REQUEST, () -> roles().assign("user:alice", null, scope));
        refused(ErrorCode.INVALID_REQUEST, () -> roles().assign("alice", "AcrPull", scope));
        refused(ErrorCode.RESOURCE_NOT_FOUND, () -> roles().assign("user:bob", "AcrPull", scope));
        refused(ErrorCode.RESOURCE_NOT_FOUND, () -> roles().assign("servicePrincipal:bob", "AcrPull", scope));
        refused(ErrorCode.RESOURCE_NOT_FOUND, () -> roles().assign(
                        "user:alice", "AcrPull", RoleScope.parse("/registries/nosuch")));
    }

    @Test
    void aDeletedPrincipalsAssignmentsGoWithIt() throws IOException {
        roles().assign("user:alice", "AcrPull", RoleScope.parse("/registries/alpha"));
        roles().assign("user:alice", "Reader", RoleScope.INSTALLATION);
        roles().assign("servicePrincipal:ci-bot", "AcrPush", RoleScope.parse("/registries/alpha"));
        management.users().delete("alice");
        management.users().deleteServicePrincipal("ci-bot");
        assertEquals(List.of(), roles().list());
    }
}
