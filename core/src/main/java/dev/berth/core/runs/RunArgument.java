package dev.berth.core.runs;

import java.util.Objects;

/** A build argument; a secret one's value is never shown back. */
public record RunArgument(String name, String value, boolean secret) {
    public static final String MASK = "*****";

    public RunArgument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** This argument as it may be shown: a secret's value masked. */
    public RunArgument shown() {
        return secret ? new RunArgument(name, MASK, true) : this;
    }
}
