package dev.berth.cli.registry;

import picocli.CommandLine.Option;

/** {@code -n/--name} of a registry, {@code default} unless given: for the commands that read one registry. */
final class RegistryName {
    @Option(
            names = {"-n", "--name"},
            paramLabel = "NAME",
            defaultValue = "default",
            description = "The registry (default: ${DEFAULT-VALUE}).")
    String name;

    /** {@code -n/--name} of a registry that must be named: for the commands that change or delete one. */
    static final class Required {
        @Option(
                names = {"-n", "--name"},
                required = true,
                paramLabel = "NAME",
                description = "The registry.")
        String name;
    }
}
