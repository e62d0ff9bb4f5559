package dev.berth.cli.registry;

import dev.berth.cli.command.ApiOptions;
import dev.berth.cli.command.CliEnvironment;
import dev.berth.cli.command.Session;
import dev.berth.cli.command.YesOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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

    @Mixin
    RegistryName.Required registry;

    @Mixin
    YesOption yes;

    public DeleteCommand() {
        this(CliEnvironment.system());
    }

    DeleteCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        return Session.run(
                env,
                api,
                session -> yes.deleteAfterAsking(
                        session,
                        "registry '" + registry.name + "'",
                        " and everything in it",
                        Registries.path(registry.name).toString()));
    }
}
