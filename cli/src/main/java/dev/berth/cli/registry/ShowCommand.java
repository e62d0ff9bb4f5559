package dev.berth.cli.registry;

import dev.berth.cli.command.ApiOptions;
import dev.berth.cli.command.CliEnvironment;
import dev.berth.cli.command.Session;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code berth show -n NAME}: {@code GET /api/registries/{name}}. */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = "Show a registry: tier, login server, settings.",
        footerHeading = "%nExamples:%n",
        footer = {"  berth show -n myreg", "  berth show -n myreg -o json"})
public final class ShowCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Mixin
    ApiOptions api;

    @Mixin
    RegistryName registry;

    public ShowCommand() {
        this(CliEnvironment.system());
    }

    ShowCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        return Session.run(
                env,
                api,
                session -> session.showOne(Registries.path(registry.name).toString(), RegistryViews.REGISTRY));
    }
}
