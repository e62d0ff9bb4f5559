package dev.berth.core.access;

/**
 * Where authentication decisions go: who, what, from where, and the outcome. Never a secret. The application picks
 * the destination; the access services only emit.
 */
@FunctionalInterface
public interface AuditLog {
    AuditLog NONE = event -> {};

    void record(AuditEvent event);

    /**
     * One decision.
     *
     * @param who the user name, or empty for an anonymous request
     * @param what what was asked: a sign-in, or the scope of an operation
     * @param from the client address
     * @param outcome allowed, denied, failed (wrong credentials) or throttled
     * @param requestId the request it belongs to
     */
    record AuditEvent(String who, String what, String from, Outcome outcome, String requestId) {}

    /** How a decision ended. */
    enum Outcome {
        ALLOWED,
        DENIED,
        FAILED,
        THROTTLED
    }
}
