package dev.berth.builder.runtime;

import java.io.IOException;

/**
 * A run that could not happen: the runtime is missing or unusable here, or the process could not be started in the
 * container (command not found, exec format error, bad root filesystem, unknown user). The message is meant for the
 * build log as it stands; it never hangs a build, it ends it.
 */
public final class BuildRuntimeException extends IOException {

    private static final long serialVersionUID = 1L;

    public BuildRuntimeException(String message) {
        super(message);
    }

    public BuildRuntimeException(String message, Throwable cause) {
        super(message, cause);
    }
}
