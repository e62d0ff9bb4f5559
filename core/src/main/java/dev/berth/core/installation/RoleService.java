package dev.berth.core.installation;

import dev.berth.core.auth.Role;
import dev.berth.core.auth.RoleAssignment;
import dev.berth.core.spi.DirectoryStore.InstallationRole;
import dev.berth.core.spi.MetadataStore;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Role assignments: who holds which role, on the installation, a registry, or some of a registry's repositories. */
public final class RoleService {
    private final MetadataStore metadata;
    private final Registries registries;

    public RoleService(MetadataStore metadata, Registries registries) {
        this.metadata = metadata;
        this.registries = registries;
    }

    /** Every assignment, on the installation and on every registry. */
    public List<RoleAssignmentView> list() throws IOException {
        List<RoleAssignmentView> views = new ArrayList<>();
        for (InstallationRole role : metadata.directory().installationAssignments()) {
            PrincipalIds.principalId(role.subject())
                    .ifPresent(id -> views.add(new RoleAssignmentView(id, role.role(), RoleScope.INSTALLATION)));
        }
        for (RegistryRecord registry : metadata.registries().list()) {
            views.addAll(on(registry));
        }
        return views;
    }

    /** The assignments on one registry and its repositories. */
    public List<RoleAssignmentView> on(RegistryRecord registry) throws IOException {
        List<RoleAssignmentView> views = new ArrayList<>();
        for (RoleAssignment assignment : metadata.directory().registryAssignments(registry.id())) {
            PrincipalIds.principalId(assignment.principalSubject())
                    .ifPresent(id -> views.add(new RoleAssignmentView(
                            id, assignment.role(), RoleScope.of(registry.name(), assignment.repositoryPattern()))));
        }
        return views;
    }

    /** Gives a role; the principal must exist, and a repository scope takes only data-plane roles. */
    public RoleAssignmentView assign(String principalId, String roleName, RoleScope scope) throws IOException {
        String subject = PrincipalIds.subject(principalId);
        Role role = role(roleName);
        requirePrincipal(subject);
        if (!scope.repositoryPattern().equals("*") && isManagementOnly(role)) {
            throw Problems.invalid(role.displayName() + " is held on the installation or a whole registry");
        }
        if (scope.registry().isEmpty()) {
            metadata.directory().assignInstallation(new InstallationRole(subject, role));
        } else {
            RegistryRecord registry = registry(scope);
            metadata.identities().assign(new RoleAssignment(subject, registry.id(), scope.repositoryPattern(), role));
        }
        return new RoleAssignmentView(principalId, role, scope);
    }

    /** Takes back the assignment with that id. */
    public void unassign(String id) throws IOException {
        RoleAssignmentView found = list().stream()
                .filter(view -> view.id().equals(id))
                .findFirst()
                .orElseThrow(() -> Problems.notFound("role assignment '" + id + "'"));
        String subject = PrincipalIds.subject(found.principalId());
        if (found.scope().registry().isEmpty()) {
            metadata.directory().unassignInstallation(new InstallationRole(subject, found.role()));
        } else {
            metadata.identities()
                    .unassign(new RoleAssignment(
                            subject, registry(found.scope()).id(), found.scope().repositoryPattern(), found.role()));
        }
    }

    private RegistryRecord registry(RoleScope scope) throws IOException {
        String name = scope.registry().orElseThrow();
        return registries.find(name).orElseThrow(() -> Problems.notFound("registry '" + name + "'"));
    }

    private void requirePrincipal(String subject) throws IOException {
        String name = subject.substring(subject.indexOf(':') + 1);
        boolean exists = subject.startsWith("user:")
                ? metadata.identities().findUser(name).isPresent()
                : metadata.identities().findServicePrincipal(name).isPresent();
        if (!exists) {
            throw Problems.notFound(
                    "principal '" + PrincipalIds.principalId(subject).orElse(subject) + "'");
        }
    }

    private static boolean isManagementOnly(Role role) {
        return role == Role.OWNER || role == Role.CONTRIBUTOR;
    }

    private static Role role(String name) {
        try {
            return Role.byName(Optional.ofNullable(name).orElse(""));
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("no role named '" + name + "'; roles: Owner, Contributor, Reader, AcrPull, AcrPush,"
                    + " AcrDelete, AcrImageSigner");
        }
    }
}
