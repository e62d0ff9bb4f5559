package dev.berth.builder.build;

import dev.berth.builder.dockerfile.Location;

/**
 * A build that cannot go on: a step failed, a file is missing, a base image cannot be read, the build was cancelled
 * or timed out. The message says where ({@code Dockerfile:12: ...}) when a line of the Dockerfile is to blame.
 */
public final class BuildException extends Exception {
    private final boolean cancelled;

    public BuildException(String message) {
        this(message, null, false);
    }

    public BuildException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private BuildException(String message, Throwable cause, boolean cancelled) {
        super(message, cause);
        this.cancelled = cancelled;
    }

    /** A failure blamed on one instruction. */
    public static BuildException at(Location location, String message) {
        return new BuildException(location + ": " + message);
    }

    public static BuildException at(Location location, String message, Throwable cause) {
        return new BuildException(location + ": " + message, cause);
    }

    public static BuildException cancelled() {
        return new BuildException("the build was cancelled", null, true);
    }

    /** The same failure with its message passed through {@code mask} (secret values hidden). */
    BuildException masked(java.util.function.UnaryOperator<String> mask) {
        String message = mask.apply(getMessage());
        return message.equals(getMessage()) ? this : new BuildException(message, getCause(), cancelled);
    }

    /** Whether the build stopped because it was asked to (cancel or timeout), not because something failed. */
    public boolean isCancelled() {
        return cancelled;
    }
}
