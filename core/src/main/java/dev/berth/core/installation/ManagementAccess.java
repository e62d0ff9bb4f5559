package dev.berth.core.installation;

import dev.berth.core.auth.Principal;
import dev.berth.core.auth.Role;
import dev.berth.core.auth.RoleAssignment;
import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.spi.MetadataStore;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import java.io.IOException;

/**
 * Who may manage what. Owner, Contributor and Reader held on the installation reach every registry; held on a
 * registry, that registry. Installation administrators may do everything. Data-plane roles manage nothing.
 */
public final class ManagementAccess {
    /** How much a principal may do somewhere, each level including the ones before it. */
    public enum Level {
        NONE,
        /** Read resources, never secrets. */
        READ,
        /** Create, change and delete resources inside; on the installation, create registries. */
        WRITE,
        /** Also give roles, and delete the registry itself. */
        OWN,
        /** Also manage users and service principals. */
        ADMIN;

        public boolean atLeast(Level other) {
            return compareTo(other) >= 0;
        }
    }

    private final MetadataStore metadata;

    public ManagementAccess(MetadataStore metadata) {
        this.metadata = metadata;
    }

    public Level onInstallation(Principal principal) throws IOException {
        if (principal.installationAdmin()) {
            return Level.ADMIN;
        }
        if (!holdsRoles(principal)) {
            return Level.NONE;
        }
        Level level = Level.NONE;
        for (Role role : metadata.directory().installationRoles(principal.subject())) {
            level = max(level, of(role));
        }
        return level;
    }

    public Level onRegistry(Principal principal, RegistryRecord registry) throws IOException {
        Level level = onInstallation(principal);
        if (level == Level.ADMIN || !holdsRoles(principal)) {
            return level;
        }
        for (RoleAssignment assignment : metadata.identities().assignments(principal.subject(), registry.id())) {
            if (assignment.repositoryPattern().equals("*")) {
                level = max(level, of(assignment.role()));
            }
        }
        return level;
    }

    /** Refuses with {@code DENIED} when the level falls short. */
    public static void require(Level has, Level needed, String action) {
        if (!has.atLeast(needed)) {
            throw new RegistryException(
                    ErrorCode.DENIED, "the caller may not " + action + "; it needs the " + roleFor(needed) + " role");
        }
    }

    private static String roleFor(Level level) {
        return switch (level) {
            case NONE, READ -> "Reader";
            case WRITE -> "Contributor";
            case OWN -> "Owner";
            case ADMIN -> "installation administrator";
        };
    }

    private static boolean holdsRoles(Principal principal) {
        return principal.kind() == Principal.Kind.USER || principal.kind() == Principal.Kind.SERVICE_PRINCIPAL;
    }

    private static Level of(Role role) {
        return switch (role) {
            case OWNER -> Level.OWN;
            case CONTRIBUTOR -> Level.WRITE;
            case READER -> Level.READ;
            default -> Level.NONE;
        };
    }

    private static Level max(Level a, Level b) {
        return a.atLeast(b) ? a : b;
    }
}
