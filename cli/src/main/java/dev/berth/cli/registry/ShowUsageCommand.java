package dev.berth.cli.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.cli.command.ApiOptions;
import dev.berth.cli.command.CliEnvironment;
import dev.berth.cli.command.Session;
import dev.berth.cli.json.Json;
import dev.berth.cli.output.OutputFormat;
import dev.berth.cli.output.Printer;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code berth show-usage -n NAME}: {@code POST /api/registries/{name}/listUsages}; with {@code --storage}, {@code
 * GET .../storageUsage}, per repository or, with {@code --repository}, per manifest of one.
 */
@Command(
        name = "show-usage",
        mixinStandardHelpOptions = true,
        description = {
            "Show a registry's usage against its tier's limits, or with --storage the bytes each repository holds.",
            "A layer shared by several repositories counts once in the registry's total and in each repository."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  berth show-usage -n myreg",
            "  berth show-usage -n myreg --storage",
            "  berth show-usage -n myreg --storage --repository team/app -o json"
        })
public final class ShowUsageCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Mixin
    ApiOptions api;

    @Mixin
    RegistryName registry;

    @Option(names = "--storage", description = "Show the storage each repository holds.")
    boolean storage;

    @Option(
            names = "--repository",
            paramLabel = "REPOSITORY",
            description = "With --storage (implied): the storage each manifest of this repository holds.")
    String repository;

    public ShowUsageCommand() {
        this(CliEnvironment.system());
    }

    ShowUsageCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        return Session.run(env, api, session -> {
            if (!storage && repository == null) {
                var usages = session.client()
                        .post(Registries.path(registry.name).add("listUsages").toString(), Json.object());
                session.printer().list(usages.path("value"), RegistryViews.USAGE);
                return;
            }
            var path = Registries.path(registry.name).add("storageUsage").query("repository", repository);
            JsonNode usage = session.client().get(path.toString());
            if (repository != null) {
                session.printer().print(usage, RegistryViews.MANIFEST_STORAGE, Printer.rows(usage.path("manifests")));
            } else {
                List<JsonNode> rows = Printer.rows(usage.path("repositories"));
                if (session.printer().format() == OutputFormat.table) {
                    rows.add(Json.object().put("name", "(registry total)").set("bytes", usage.path("bytes")));
                }
                session.printer().print(usage, RegistryViews.REPOSITORY_STORAGE, rows);
            }
        });
    }
}
