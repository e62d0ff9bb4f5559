package dev.berth.server.config;

/** A configuration that cannot be used, with a message that says which setting and why. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
