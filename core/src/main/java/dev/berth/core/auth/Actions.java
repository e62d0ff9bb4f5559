package dev.berth.core.auth;

import java.util.Set;

/** The data-plane actions of Docker token scopes, with ACR's additions, and the catalog's own. */
public final class Actions {
    public static final String PULL = "pull";
    public static final String PUSH = "push";
    public static final String DELETE = "delete";
    public static final String METADATA_READ = "metadata_read";
    public static final String METADATA_WRITE = "metadata_write";
    public static final String SIGN = "sign";
    /** Listing the catalog: the action of scope {@code registry:catalog:*}. */
    public static final String CATALOG = "catalog";

    public static final Set<String> EVERY = Set.of(PULL, PUSH, DELETE, METADATA_READ, METADATA_WRITE, SIGN, CATALOG);

    private Actions() {}
}
