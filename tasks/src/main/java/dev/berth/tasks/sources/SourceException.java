package dev.berth.tasks.sources;

import java.io.IOException;

/** The run's source could not be had: a bad archive, an unreachable repository, a missing ref. Shown to the user. */
public final class SourceException extends IOException {
    private static final long serialVersionUID = 1L;

    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
