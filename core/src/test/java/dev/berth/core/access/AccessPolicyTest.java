package dev.berth.core.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.core.auth.AccessScope;
import dev.berth.core.auth.Principal;
import dev.berth.core.auth.RegistryToken;
import dev.berth.core.auth.Role;
import dev.berth.core.auth.RoleAssignment;
import dev.berth.core.auth.ScopeMap;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AccessPolicyTest {
    private static final RegistryRecord REGISTRY = new RegistryRecord(1, "default");
    private static final RegistryRecord OTHER = new RegistryRecord(2, "other");
    private static final Principal ALICE = Principal.user("alice", false);

    private final InMemoryIdentities identities = new InMemoryIdentities();
    private final AccessPolicy policy = new AccessPolicy(identities);

    private Set<String> granted(Principal who, RegistryRecord registry, AccessScope asked) throws IOException {
        return policy.grant(who, registry, asked).actions();
    }

    private static AccessScope everything(String repository) {
        return AccessScope.repository(repository, "pull", "push", "delete");
    }

    static Stream<Arguments> roles() {
        return Stream.of(
                Arguments.of(Role.ACR_PULL, Set.of("pull"), true),
                Arguments.of(Role.ACR_PUSH, Set.of("pull", "push"), true),
                Arguments.of(Role.ACR_DELETE, Set.of("delete"), false),
                Arguments.of(Role.ACR_IMAGE_SIGNER, Set.of(), false),
                Arguments.of(Role.READER, Set.of("pull"), true),
                Arguments.of(Role.CONTRIBUTOR, Set.of("pull", "push", "delete"), true),
                Arguments.of(Role.OWNER, Set.of("pull", "push", "delete"), true));
    }

    @ParameterizedTest
    @MethodSource("roles")
    void eachRoleGrantsItsDataPlaneActionsOnTheRegistryItIsGivenOn(Role role, Set<String> actions, boolean catalog)
            throws IOException {
        identities.assign(new RoleAssignment(ALICE.subject(), REGISTRY.id(), "*", role));
        assertEquals(actions, granted(ALICE, REGISTRY, everything("any/repo")));
        assertEquals(catalog ? Set.of("*") : Set.of(), granted(ALICE, REGISTRY, AccessScope.catalog()));
        assertEquals(Set.of(), granted(ALICE, OTHER, everything("any/repo")));
    }

    @Test
    void aRoleOnARepositoryPatternReachesOnlyThoseRepositoriesAndNotTheCatalog() throws IOException {
        identities.assign(new RoleAssignment(ALICE.subject(), REGISTRY.id(), "team/*", Role.ACR_PUSH));
        identities.assign(new RoleAssignment(ALICE.subject(), REGISTRY.id(), "tools", Role.ACR_PULL));
        assertEquals(Set.of("pull", "push"), granted(ALICE, REGISTRY, everything("team/app")));
        assertEquals(Set.of("pull"), granted(ALICE, REGISTRY, everything("tools")));
        assertEquals(Set.of(), granted(ALICE, REGISTRY, everything("teamx/app")));
        assertEquals(Set.of(), granted(ALICE, REGISTRY, everything("tools/sub")));
        assertEquals(Set.of(), granted(ALICE, REGISTRY, AccessScope.catalog()));
    }

    @Test
    void rolesAddUp() throws IOException {
        identities.assign(new RoleAssignment(ALICE.subject(), REGISTRY.id(), "*", Role.ACR_PULL));
        identities.assign(new RoleAssignment(ALICE.subject(), REGISTRY.id(), "app", Role.ACR_DELETE));
        assertEquals(Set.of("pull", "delete"), granted(ALICE, REGISTRY, everything("app")));
    }

    @Test
    void theGrantIsTheIntersectionOfWhatIsAskedAndWhatIsHeld() throws IOException {
        identities.assign(new RoleAssignment(ALICE.subject(), REGISTRY.id(), "*", Role.OWNER));
        assertEquals(Set.of("pull"), granted(ALICE, REGISTRY, AccessScope.repository("app", "pull")));
        assertEquals(Set.of(), granted(ALICE, REGISTRY, AccessScope.repository("app", "fly")));
    }

    @Test
    void anInstallationAdministratorMayDoAnythingAnywhere() throws IOException {
        Principal admin = Principal.user("admin", true);
        assertEquals(Set.of("pull", "push", "delete"), granted(admin, OTHER, everything("x")));
        assertEquals(Set.of("*"), granted(admin, OTHER, AccessScope.catalog()));
    }

    @Test
    void anonymousRequestsGetReadsOnlyWhereAnonymousPullIsOn() throws IOException {
        assertEquals(Set.of(), granted(Principal.ANONYMOUS, REGISTRY, everything("app")));
        identities.setAnonymousPull(REGISTRY.id(), true);
        assertEquals(Set.of("pull"), granted(Principal.ANONYMOUS, REGISTRY, everything("app")));
        assertEquals(Set.of(), granted(Principal.ANONYMOUS, REGISTRY, AccessScope.catalog()));
        assertEquals(Set.of(), granted(Principal.ANONYMOUS, OTHER, everything("app")));
    }

    @Test
    void aTokenHoldsWhatItsScopeMapSaysOnItsOwnRegistryOnly() throws IOException {
        identities.putScopeMap(
                REGISTRY.id(),
                new ScopeMap(
                        "apps",
                        "",
                        List.of(
                                "repositories/app/content/read",
                                "repositories/team/*/content/write",
                                "repositories/old/content/delete")));
        identities.putToken(new RegistryToken(REGISTRY.id(), "ci", "apps", true, List.of()));
        Principal ci = Principal.token(REGISTRY.id(), "ci");
        assertEquals(Set.of("pull"), granted(ci, REGISTRY, everything("app")));
        assertEquals(Set.of("pull", "push"), granted(ci, REGISTRY, everything("team/x")));
        assertEquals(Set.of("delete"), granted(ci, REGISTRY, everything("old")));
        assertEquals(Set.of(), granted(ci, REGISTRY, everything("other")));
        assertEquals(Set.of(), granted(ci, REGISTRY, AccessScope.catalog()));
        assertEquals(Set.of(), granted(ci, OTHER, everything("app")));
    }

    @Test
    void aDisabledTokenHoldsNothingAndScopeMapChangesApplyAtOnce() throws IOException {
        identities.putToken(new RegistryToken(REGISTRY.id(), "ci", "_repositories_pull", true, List.of()));
        Principal ci = Principal.token(REGISTRY.id(), "ci");
        assertEquals(Set.of("pull"), granted(ci, REGISTRY, everything("any")));
        identities.putToken(new RegistryToken(REGISTRY.id(), "ci", "_repositories_admin", true, List.of()));
        assertEquals(Set.of("pull", "push", "delete"), granted(ci, REGISTRY, everything("any")));
        identities.putToken(new RegistryToken(REGISTRY.id(), "ci", "_repositories_admin", false, List.of()));
        assertEquals(Set.of(), granted(ci, REGISTRY, everything("any")));
    }

    @Test
    void anEnabledAdminAccountMayDoEverythingOnItsRegistryOnly() throws IOException {
        Principal admin = Principal.adminAccount(REGISTRY.id());
        assertEquals(Set.of(), granted(admin, REGISTRY, everything("app")));
        identities.setAdminAccount(new dev.berth.core.auth.AdminAccount(REGISTRY.id(), true, List.of()));
        assertEquals(Set.of("pull", "push", "delete"), granted(admin, REGISTRY, everything("app")));
        assertEquals(Set.of("*"), granted(admin, REGISTRY, AccessScope.catalog()));
        assertEquals(Set.of(), granted(admin, OTHER, everything("app")));
    }

    @Test
    void aUserWithNoRoleGetsNothing() throws IOException {
        assertEquals(Set.of(), granted(ALICE, REGISTRY, everything("app")));
    }
}
