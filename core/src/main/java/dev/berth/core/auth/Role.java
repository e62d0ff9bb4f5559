package dev.berth.core.auth;

import java.util.Set;

/**
 * The built-in roles, with the data-plane actions each grants, as Azure Container Registry's legacy role mode has
 * them: Reader, AcrPull and AcrPush read (and list the catalog), AcrPush also writes, AcrDelete deletes, Contributor
 * and Owner may do everything. AcrImageSigner signs and grants no data-plane action of its own.
 */
public enum Role {
    ACR_PULL("AcrPull", Set.of(Actions.PULL, Actions.METADATA_READ, Actions.CATALOG)),
    ACR_PUSH(
            "AcrPush",
            Set.of(Actions.PULL, Actions.PUSH, Actions.METADATA_READ, Actions.METADATA_WRITE, Actions.CATALOG)),
    ACR_DELETE("AcrDelete", Set.of(Actions.DELETE)),
    ACR_IMAGE_SIGNER("AcrImageSigner", Set.of(Actions.SIGN)),
    READER("Reader", Set.of(Actions.PULL, Actions.METADATA_READ, Actions.CATALOG)),
    CONTRIBUTOR("Contributor", Actions.EVERY),
    OWNER("Owner", Actions.EVERY);

    private final String displayName;
    private final Set<String> actions;

    Role(String displayName, Set<String> actions) {
        this.displayName = displayName;
        this.actions = actions;
    }

    /** The name ACR uses, such as {@code AcrPull}. */
    public String displayName() {
        return displayName;
    }

    public Set<String> actions() {
        return actions;
    }

    /** The role of an ACR-style name, case-insensitively. */
    public static Role byName(String name) {
        for (Role role : values()) {
            if (role.displayName.equalsIgnoreCase(name) || role.name().equalsIgnoreCase(name)) {
                return role;
            }
        }
        throw new IllegalArgumentException("no such role: " + name);
    }
}
