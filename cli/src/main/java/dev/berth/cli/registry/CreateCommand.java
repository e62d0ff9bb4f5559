package dev.berth.cli.registry;

import dev.berth.cli.command.ApiOptions;
import dev.berth.cli.command.CliEnvironment;
import dev.berth.cli.command.Session;
import dev.berth.cli.json.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code berth create -n NAME --sku TIER}: {@code PUT /api/registries/{name}}. The PUT would update a registry that
 * exists, so the command looks first and refuses with exit code 6.
 */
@Command(
        name = "create",
        mixinStandardHelpOptions = true,
        description = "Create a registry.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  berth create -n myreg --sku Basic",
            "  berth create -n myreg --sku Premium --admin-enabled true --default-action \\",
            "      Deny"
        })
public final class CreateCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Mixin
    ApiOptions api;

    @Mixin
    RegistrySettings settings;

    @Option(
            names = {"-n", "--name"},
            required = true,
            paramLabel = "NAME",
            description = "The registry's name: 5 to 50 letters and digits, unique regardless of case.")
    String name;

    @Option(
            names = "--sku",
            required = true,
            paramLabel = "Basic|Standard|Premium",
            converter = Registries.Sku.class,
            completionCandidates = Registries.Sku.class,
            description = "The service tier, which sets storage, limits and features.")
    String sku;

    public CreateCommand() {
        this(CliEnvironment.system());
    }

    CreateCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        return Session.run(env, api, session -> {
            String path = Registries.path(name).toString();
            session.refuseIfExists(
                    path, "registry '" + name + "' already exists; change it with 'berth update -n " + name + "'");
            var body = Json.object();
            body.putObject("sku").put("name", sku);
            body.set("properties", settings.properties(Json.object()));
            session.printer().one(session.client().put(path, body), RegistryViews.REGISTRY);
        });
    }
}
