package dev.berth.core.imports;

import java.io.IOException;

/**
 * An {@link ImageSource} could not give what was asked: it refused, could not be reached, or served something that
 * is not what it claims. "Not there" is not an exception but an empty answer.
 */
public final class ImageSourceException extends IOException {
    private static final long serialVersionUID = 1L;

    /** How the source failed. */
    public enum Kind {
        /** Credentials missing or refused, or not enough to read the image. */
        DENIED,
        /** No connection, a timeout, or an error status that is the source's own problem. */
        UNAVAILABLE,
        /** Content that does not match its digest or size, or is not a manifest. */
        INVALID,
        /** The installation's egress policy does not allow the source's address: nothing was asked of it. */
        REFUSED
    }

    private final Kind kind;

    public ImageSourceException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
