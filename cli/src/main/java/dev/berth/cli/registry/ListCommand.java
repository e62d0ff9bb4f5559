package dev.berth.cli.registry;

import dev.berth.cli.command.ApiOptions;
import dev.berth.cli.command.CliEnvironment;
import dev.berth.cli.command.Session;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code berth list}: {@code GET /api/registries}. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List the registries you may read.",
        footerHeading = "%nExamples:%n",
        footer = {"  berth list", "  berth list -o json", "  berth list -o tsv | cut -f1"})
public final class ListCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Mixin
    ApiOptions api;

    public ListCommand() {
        this(CliEnvironment.system());
    }

    ListCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        return Session.run(env, api, session -> session.showList("/api/registries", RegistryViews.REGISTRY));
    }
}
