package dev.berth.cli.command;

import java.io.Console;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

/**
 * What a command reads from the process around it: environment variables, standard input, and whether a person
 * sits at a terminal (only then may a command ask a question).
 */
public record CliEnvironment(Map<String, String> variables, InputStream stdin, boolean terminal) {
    public CliEnvironment {
        variables = Map.copyOf(variables);
    }

    /** This process's. */
    public static CliEnvironment system() {
        Console console = System.console();
        return new CliEnvironment(System.getenv(), System.in, console != null && console.isTerminal());
    }

    /** A variable's value, unless it is unset or blank. */
    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name)).filter(value -> !value.isBlank());
    }
}
