package dev.berth.cli.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.cli.command.ApiOptions;
import dev.berth.cli.command.CliEnvironment;
import dev.berth.cli.command.Exit;
import dev.berth.cli.command.RegistryOption;
import dev.berth.cli.command.Session;
import dev.berth.cli.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth build}: a quick build on the server, as {@code az acr build}. */
@Command(
        name = "build",
        mixinStandardHelpOptions = true,
        description = {
            "Build an image on the server (a quick build) from a local directory, a git URL"
                    + " (https://host/repo.git#ref:subdir) or a tarball URL, push it, and stream the log.",
            "--timeout is the run's timeout in seconds (default 3600), as az acr build."
        },
        exitCodeListHeading = Exit.HEADING,
        exitCodeList = {
            Exit.LINE_OK,
            Exit.LINE_OTHER,
            Exit.LINE_USAGE,
            Exit.LINE_AUTHENTICATION,
            Exit.LINE_FORBIDDEN,
            Exit.LINE_NOT_FOUND,
            Exit.LINE_CONFLICT,
            Exit.LINE_RUN_FAILED
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  berth build -r myreg -t app:{{.Run.ID}} .",
            "  berth build -r myreg -t app:v1 -f docker/Dockerfile --build-arg V=1 .",
            "  berth build -r myreg -t app:v1 --platform linux/arm64 --no-push .",
            "  berth build -r myreg -t app:main https://git.example.com/app.git#main:src"
        })
public final class BuildCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Mixin
    ApiOptions api;

    @Mixin
    RegistryOption registry;

    @Option(
            names = {"-t", "--image"},
            paramLabel = "IMAGE:TAG",
            description = "An image to push; repeatable; may use {{.Run.ID}} and $ID.")
    List<String> images = new ArrayList<>();

    @Option(
            names = {"-f", "--file"},
            paramLabel = "DOCKERFILE",
            description = "The Dockerfile, from the context's root (default: Dockerfile).")
    String dockerfile = "Dockerfile";

    @Option(names = "--build-arg", paramLabel = "NAME=VALUE", description = "A build argument; repeatable.")
    List<String> buildArgs = new ArrayList<>();

    @Option(
            names = "--secret-build-arg",
            paramLabel = "NAME=VALUE",
            description = "A build argument never shown back; repeatable.")
    List<String> secretBuildArgs = new ArrayList<>();

    @Option(names = "--target", paramLabel = "STAGE", description = "The stage to build, of a multi-stage Dockerfile.")
    String target = "";

    @Mixin
    RunOptions run;

    @Option(names = "--no-push", description = "Build only; push nothing.")
    boolean noPush;

    @Option(names = "--no-cache", description = "Use no cached layer.")
    boolean noCache;

    @Parameters(paramLabel = "CONTEXT", description = "A local directory, a git URL or a tarball URL.")
    String context;

    public BuildCommand() {
        this(CliEnvironment.system());
    }

    BuildCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        return Session.run(env, api, s -> {
            Session session = s.timeoutOptionIsTheRuns();
            if (images.isEmpty() && !noPush) {
                throw session.usage("give at least one image with -t, or --no-push");
            }
            RunApi runs = new RunApi(session, registry.name());
            ObjectNode request = request(session, Sources.location(session, runs, context, dockerfile, false));
            RunFlow.start(session, runs, request, run);
        });
    }

    private ObjectNode request(Session session, String sourceLocation) {
        ObjectNode request = Json.object().put("type", "DockerBuildRequest");
        ArrayNode names = request.putArray("imageNames");
        images.forEach(names::add);
        request.put("isPushEnabled", !noPush).put("noCache", noCache).put("dockerFilePath", dockerfile);
        request.put("target", target);
        ArrayNode arguments = request.putArray("arguments");
        buildArgs.forEach(a -> arguments.add(argument(a, false)));
        secretBuildArgs.forEach(a -> arguments.add(argument(a, true)));
        RunFlow.common(session, request, sourceLocation, run, api);
        return request;
    }

    private JsonNode argument(String text, boolean secret) {
        int equals = text.indexOf('=');
        String name = equals < 0 ? text : text.substring(0, equals);
        String value = equals < 0 ? env.variable(name).orElse("") : text.substring(equals + 1);
        return Json.object().put("name", name).put("value", value).put("isSecret", secret);
    }
}
