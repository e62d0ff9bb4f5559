package dev.berth.client;

import java.io.IOException;
import java.util.Optional;

/** Why a registry request failed; the message is for people and never holds a password or token. */
public final class RegistryClientException extends IOException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, as a caller decides what to do about it. */
    public enum Kind {
        /** 401: credentials missing, or not accepted. */
        UNAUTHORIZED,
        /** 403, or a token without the access asked for: signed in, but not allowed. */
        DENIED,
        /** 404: no such repository, manifest or blob. */
        NOT_FOUND,
        /** The registry did not answer, or stalled, within the configured time. */
        TIMEOUT,
        /** No connection: unknown host, refused, reset, or a failed TLS handshake. */
        UNREACHABLE,
        /** The installation's egress policy does not allow the address (nor a redirect's): nothing was sent. */
        EGRESS_REFUSED,
        /** An answer that breaks the protocol: content not matching its digest, too large, malformed. */
        INVALID_RESPONSE,
        /** Any other status: 429, 5xx and the like. */
        UNEXPECTED_STATUS
    }

    private final Kind kind;
    private final int status;
    private final String registryCode;

    public RegistryClientException(Kind kind, String message, int status, String registryCode, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.registryCode = registryCode;
    }

    public RegistryClientException(Kind kind, String message) {
        this(kind, message, 0, null, null);
    }

    public RegistryClientException(Kind kind, String message, Throwable cause) {
        this(kind, message, 0, null, cause);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status that caused it, or 0 when there was none. */
    public int status() {
        return status;
    }

    /** The first code of the registry's error envelope (such as {@code MANIFEST_UNKNOWN}), if it sent one. */
    public Optional<String> registryCode() {
        return Optional.ofNullable(registryCode);
    }
}
