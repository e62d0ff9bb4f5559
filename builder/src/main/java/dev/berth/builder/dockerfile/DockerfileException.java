package dev.berth.builder.dockerfile;

import java.util.Objects;

/**
 * Anything wrong with a Dockerfile, with the file and line it is about. The message reads
 * {@code Dockerfile:12: unknown instruction: RUNN}; {@link #reason()} is the part after the location.
 */
public final class DockerfileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Location location;
    private final String reason;

    public DockerfileException(Location location, String reason) {
        super(location + ": " + reason);
        this.location = Objects.requireNonNull(location, "location");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Location location() {
        return location;
    }

    /** The message without its location. */
    public String reason() {
        return reason;
    }
}
