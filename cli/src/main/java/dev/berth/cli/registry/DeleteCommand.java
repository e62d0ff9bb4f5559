package dev.berth.cli.registry;

import dev.berth.cli.command.ApiOptions;
import dev.berth.cli.command.CliEnvironment;
import dev.berth.cli.command.Session;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code berth delete -n NAME}: {@code DELETE /api/registries/{name}}, after asking. */
@Command(
        name = "delete",
        mixinStandardHelpOptions = true,
        description = {
            "Delete a registry and everything in it: repositories, tokens, scope maps, settings.",
            "Asks first; without a terminal, give --yes."
        },
        footerHeading = "%nExamples:%n",
        footer = {"  berth delete -n myreg", "  berth delete -n myreg --yes"})
public final class DeleteCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Mixin
    ApiOptions api;

    @Option(
            names = {"-n", "--name"},
            required = true,
            paramLabel = "NAME",
            description = "The registry.")
    String name;

    @Option(
            names = {"-y", "--yes"},
            description = "Do not ask for confirmation.")
    boolean yes;

    public DeleteCommand() {
        this(CliEnvironment.system());
    }

    DeleteCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        return Session.run(env, api, session -> {
            session.confirm("delete registry '" + name + "' and everything in it", yes);
            session.client().delete(Registries.path(name).toString());
            session.note("deleted registry '" + name + "'");
        });
    }
}
