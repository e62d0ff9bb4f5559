package dev.berth.core.auth;

/**
 * Who a request acts for. An installation administrator may do anything anywhere; a user holds what its role
 * assignments give, a token what its scope map gives on its own registry, and the anonymous principal what the
 * registry's anonymous-pull setting gives.
 */
public record Principal(Kind kind, String name, boolean installationAdmin) {
    /** The kinds of identity. */
    public enum Kind {
        USER,
        /** A repository-scoped token of one registry, named {@code <registry id>/<token name>}. */
        TOKEN,
        /** A service principal, named by its id; it holds roles like a user. */
        SERVICE_PRINCIPAL,
        /** A registry's admin account, named by the registry's id. */
        ADMIN_ACCOUNT,
        ANONYMOUS
    }

    public static final Principal ANONYMOUS = new Principal(Kind.ANONYMOUS, "", false);

    public static Principal user(String name, boolean installationAdmin) {
        return new Principal(Kind.USER, name, installationAdmin);
    }

    /** A registry's repository-scoped token; it holds what its scope map says, on that registry only. */
    public static Principal token(long registryId, String name) {
        return new Principal(Kind.TOKEN, registryId + "/" + name, false);
    }

    public static Principal servicePrincipal(String id) {
        return new Principal(Kind.SERVICE_PRINCIPAL, id, false);
    }

    /** The admin account of a registry: full data-plane rights on that registry only. */
    public static Principal adminAccount(long registryId) {
        return new Principal(Kind.ADMIN_ACCOUNT, Long.toString(registryId), false);
    }

    /** The registry a token belongs to; only for {@link Kind#TOKEN}. */
    public long tokenRegistryId() {
        return Long.parseLong(name.substring(0, name.indexOf('/')));
    }

    /** The token's own name, without its registry; only for {@link Kind#TOKEN}. */
    public String tokenName() {
        return name.substring(name.indexOf('/') + 1);
    }

    public boolean isAnonymous() {
        return kind == Kind.ANONYMOUS;
    }

    /** The subject written into tokens: {@code user:<name>}. */
    public String subject() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + name;
    }
}
