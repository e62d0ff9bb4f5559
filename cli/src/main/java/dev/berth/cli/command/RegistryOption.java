package dev.berth.cli.command;

import picocli.CommandLine.Option;

/** {@code -r/--registry}: which registry a command about what is inside one works on. */
public final class RegistryOption {
    @Option(
            names = {"-r", "--registry"},
            paramLabel = "REGISTRY",
            defaultValue = "default",
            description = "The registry (default: ${DEFAULT-VALUE}).")
    String name;

    public String name() {
        return name;
    }
}
