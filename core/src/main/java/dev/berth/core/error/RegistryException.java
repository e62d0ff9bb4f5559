package dev.berth.core.error;

/**
 * A failure the client can act on, carrying its wire code, a message for people and an optional detail object
 * that is serialised into the error envelope. Infrastructure failures are {@link java.io.IOException}s instead and
 * never reach the client with their message.
 */
public final class RegistryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final transient Object detail;

    public RegistryException(ErrorCode code, String message, Object detail) {
        super(message == null ? code.message() : message, null, false, false);
        this.code = code;
        this.detail = detail;
    }

    public RegistryException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public RegistryException(ErrorCode code) {
        this(code, null, null);
    }

    public ErrorCode code() {
        return code;
    }

    /** Extra structured information for the client, or null. */
    public Object detail() {
        return detail;
    }
}
