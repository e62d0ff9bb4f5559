package dev.berth.cli.registry;

import dev.berth.cli.command.ApiOptions;
import dev.berth.cli.command.CliEnvironment;
import dev.berth.cli.command.Session;
import dev.berth.cli.json.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code berth check-name -n NAME}: {@code POST /api/checkNameAvailability}. */
@Command(
        name = "check-name",
        mixinStandardHelpOptions = true,
        description = "Check whether a registry name is valid and free. Exits 0 either way; read NAME AVAILABLE.",
        footerHeading = "%nExamples:%n",
        footer = {"  berth check-name -n myreg"})
public final class CheckNameCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Mixin
    ApiOptions api;

    @Option(
            names = {"-n", "--name"},
            required = true,
            paramLabel = "NAME",
            description = "The name: 5 to 50 letters and digits.")
    String name;

    public CheckNameCommand() {
        this(CliEnvironment.system());
    }

    CheckNameCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        return Session.run(env, api, session -> {
            var body = Json.object().put("name", name).put("type", Registries.TYPE);
            var answer = session.client().post("/api/checkNameAvailability", body);
            session.printer().one(answer, RegistryViews.NAME_AVAILABILITY);
        });
    }
}
