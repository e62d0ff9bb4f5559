package dev.berth.core.auth;

/**
 * Who a request acts for. An installation administrator may do anything anywhere; everyone else holds what their
 * role assignments (or, for the anonymous principal, the registry's anonymous-pull setting) give.
 */
public record Principal(Kind kind, String name, boolean installationAdmin) {
    /** The kinds of identity. */
    public enum Kind {
        USER,
        ANONYMOUS
    }

    public static final Principal ANONYMOUS = new Principal(Kind.ANONYMOUS, "", false);

    public static Principal user(String name, boolean installationAdmin) {
        return new Principal(Kind.USER, name, installationAdmin);
    }

    public boolean isAnonymous() {
        return kind == Kind.ANONYMOUS;
    }

    /** The subject written into tokens: {@code user:<name>}. */
    public String subject() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + name;
    }
}
