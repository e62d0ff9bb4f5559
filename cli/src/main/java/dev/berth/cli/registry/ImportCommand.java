package dev.berth.cli.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.cli.command.ApiOptions;
import dev.berth.cli.command.CliEnvironment;
import dev.berth.cli.command.RegistryOption;
import dev.berth.cli.command.Session;
import dev.berth.cli.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code berth import --source SOURCE}: {@code POST /api/registries/{r}/importImage} with ARM's
 * ImportImageParameters. With neither {@code -t} nor {@code --repository}, the image lands under its source
 * repository and tag (untagged, when the source names a digest), as {@code az acr import} does.
 */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Copy an image (all its platforms) from another registry into this one, server to server.",
            "Waits until the copy is done (up to --timeout, 1800 s by default)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  berth import -r myreg --source docker.io/library/alpine:3.20",
            "  berth import -r myreg --source docker.io/library/alpine:3.20 -t \\",
            "      base/alpine:3.20 -t base/alpine:3",
            "  berth import -r myreg --source registry.example.com/app@sha256:... \\",
            "      --repository app",
            "  berth import -r prod --source-registry staging --source app:1.4 -t app:1.4 \\",
            "      --force",
            "  berth import -r myreg --source ghcr.io/org/app:1 -u USER -p TOKEN"
        })
public final class ImportCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Mixin
    ApiOptions api;

    @Mixin
    RegistryOption registry;

    @Option(
            names = "--source",
            required = true,
            paramLabel = "SOURCE",
            description = "REGISTRY/REPOSITORY:TAG or @DIGEST (http:// before REGISTRY for one without TLS);"
                    + " with --source-registry, REPOSITORY:TAG.")
    String source;

    @Option(
            names = "--source-registry",
            paramLabel = "NAME",
            description = "Import from this registry of the same Berth installation.")
    String sourceRegistry;

    @Option(
            names = {"-t", "--image"},
            paramLabel = "REPOSITORY:TAG",
            description = "A tag to give the image here; repeat for more.")
    List<String> targetTags = new ArrayList<>();

    @Option(
            names = "--repository",
            paramLabel = "REPOSITORY",
            description = "A repository to import the image into untagged; repeat for more.")
    List<String> repositories = new ArrayList<>();

    @Option(
            names = {"-u", "--username"},
            paramLabel = "USER",
            description = "User name at the source registry.")
    String username;

    @Option(
            names = {"-p", "--password"},
            paramLabel = "PASSWORD",
            description = "Password or token at the source registry.")
    String password;

    @Option(names = "--force", description = "Overwrite tags that exist here (mode Force).")
    boolean force;

    public ImportCommand() {
        this(CliEnvironment.system());
    }

    ImportCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        return Session.run(env, api, session -> {
            ImportSource from;
            try {
                from = ImportSource.parse(source, sourceRegistry);
            } catch (IllegalArgumentException e) {
                throw session.usage(e.getMessage());
            }
            var path = Registries.path(registry.name()).add("importImage");
            var answer = session.longRunning().client().post(path.toString(), body(from));
            session.printer().one(answer, RegistryViews.IMPORT);
        });
    }

    private ObjectNode body(ImportSource from) {
        List<String> tags = new ArrayList<>(targetTags);
        List<String> untagged = new ArrayList<>(repositories);
        if (tags.isEmpty() && untagged.isEmpty()) {
            if (from.image().tag().isPresent()) {
                tags.add(from.image().toString());
            } else {
                untagged.add(from.image().repository());
            }
        }
        ObjectNode body = Json.object();
        body.set("source", from.toJson(username, password));
        tags.forEach(body.putArray("targetTags")::add);
        untagged.forEach(body.putArray("untaggedTargetRepositories")::add);
        return body.put("mode", force ? "Force" : "NoForce");
    }
}
