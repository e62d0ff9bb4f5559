package dev.berth.cli.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.berth.cli.command.ApiOptions;
import dev.berth.cli.command.CliEnvironment;
import dev.berth.cli.command.Session;
import dev.berth.cli.json.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code berth update -n NAME [--sku TIER] [settings]}: {@code PATCH /api/registries/{name}} with only what was
 * given. {@code --default-action} sends the network rule set whole, with the IP rules the registry has.
 */
@Command(
        name = "update",
        mixinStandardHelpOptions = true,
        description = {
            "Change a registry's tier or settings.",
            "A tier change is refused (exit code 6) when the registry holds more than the new tier allows."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  berth update -n myreg --sku Premium",
            "  berth update -n myreg --admin-enabled false --anonymous-pull-enabled true",
            "  berth update -n myreg --public-network-enabled false",
            "  berth update -n myreg --default-action Deny"
        })
public final class UpdateCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Mixin
    ApiOptions api;

    @Mixin
    RegistrySettings settings;

    @Mixin
    RegistryName.Required registry;

    @Option(
            names = "--sku",
            paramLabel = "Basic|Standard|Premium",
            converter = Registries.Sku.class,
            completionCandidates = Registries.Sku.class,
            description = "The new service tier.")
    String sku;

    public UpdateCommand() {
        this(CliEnvironment.system());
    }

    UpdateCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        return Session.run(env, api, session -> {
            if (sku == null && settings.isEmpty()) {
                throw session.usage("nothing to change: give --sku or a setting such as --admin-enabled");
            }
            var client = session.client();
            String path = Registries.path(registry.name).toString();
            JsonNode current = settings.changesNetworkRules() ? client.get(path) : MissingNode.getInstance();
            var body = Json.object();
            if (sku != null) {
                body.putObject("sku").put("name", sku);
            }
            if (!settings.isEmpty()) {
                body.set("properties", settings.properties(current));
            }
            session.printer().one(client.patch(path, body), RegistryViews.REGISTRY);
        });
    }
}
