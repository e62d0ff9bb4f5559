package dev.berth.cli.runs;

import dev.berth.cli.api.ApiPath;
import dev.berth.cli.command.ApiOptions;
import dev.berth.cli.command.CliEnvironment;
import dev.berth.cli.command.Exit;
import dev.berth.cli.command.RegistryOption;
import dev.berth.cli.command.Session;
import dev.berth.cli.command.YesOption;
import dev.berth.cli.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code berth run --cmd "<image> <args>" <context>}: a quick run, as {@code az acr run --cmd}; and {@code berth
 * run list|show|logs|cancel} for every run of a registry, as {@code az acr task list-runs|show-run|logs|cancel-run}.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Run a container from an image on the server (a quick run) and stream its output; or list, show, follow"
                    + ", cancel and delete a registry's runs.",
            "--timeout is the run's timeout in seconds (default 3600), as az acr run."
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
            "  berth run -r myreg --cmd 'myreg.localhost:5000/tools:1 make test' .",
            "  berth run -r myreg --cmd 'busybox echo hello' /dev/null",
            "  berth run list -r myreg --status Failed --top 5",
            "  berth run logs -r myreg --run-id ca3",
            "  berth run delete -r myreg --run-id ca3 --yes"
        })
public final class RunCommand implements Callable<Integer> {
    static final String[] STATUSES = {"Queued", "Running", "Succeeded", "Failed", "Canceled", "Error", "Timeout"};

    private final CliEnvironment env;

    @Mixin
    ApiOptions api;

    @Mixin
    RegistryOption registry;

    @Option(names = "--cmd", paramLabel = "\"IMAGE ARGS\"", description = "The image to run and its arguments.")
    String cmd;

    @Mixin
    RunOptions run;

    @Parameters(
            paramLabel = "CONTEXT",
            arity = "0..1",
            description = "A local directory, a git or tarball URL, or /dev/null.")
    String context;

    public RunCommand() {
        this(CliEnvironment.system());
    }

    RunCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        return Session.run(env, api, s -> {
            Session session = s.timeoutOptionIsTheRuns();
            if (cmd == null || cmd.isBlank()) {
                throw session.usage("give the command to run with --cmd, or one of list, show, logs, cancel, delete");
            }
            RunApi runs = new RunApi(session, registry.name());
            var request = RunFlow.cmdRequest(cmd);
            RunFlow.common(session, request, Sources.location(session, runs, context, "Dockerfile", true), run, api);
            RunFlow.start(session, runs, request, run);
        });
    }

    /** {@code --run-id}: which run. */
    static final class RunId {
        @Option(names = "--run-id", required = true, paramLabel = "ID", description = "The run's id, like ca1.")
        String value;
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List a registry's runs, newest first.",
            footerHeading = "%nExamples:%n",
            footer = {"  berth run list -r myreg --status Failed --top 5"})
    int list(
            @Mixin ApiOptions api,
            @Mixin RegistryOption registry,
            @Option(
                            names = "--top",
                            paramLabel = "N",
                            defaultValue = "20",
                            description = "At most this many (default: ${DEFAULT-VALUE}).")
                    int top,
            @Option(
                            names = "--status",
                            paramLabel = "STATUS",
                            completionCandidates = Statuses.class,
                            description = "Only runs in this status: ${COMPLETION-CANDIDATES}.")
                    String status) {
        return Session.run(env, api, session -> {
            ApiPath path = RunApi.registryPath(registry.name()).add("runs").query("$top", top);
            if (status != null) {
                path = path.query("status", status);
            }
            session.showList(path.toString(), RunApi.RUN);
        });
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "Show a run.",
            footerHeading = "%nExamples:%n",
            footer = {"  berth run show -r myreg --run-id ca1"})
    int show(@Mixin ApiOptions api, @Mixin RegistryOption registry, @Mixin RunId runId) {
        return Session.run(
                env,
                api,
                session -> session.showOne(
                        RunApi.runPath(registry.name(), runId.value).toString(), RunApi.RUN));
    }

    @Command(
            name = "logs",
            mixinStandardHelpOptions = true,
            description = "Print a run's log; while it runs, follow it until it ends.",
            footerHeading = "%nExamples:%n",
            footer = {"  berth run logs -r myreg --run-id ca1"})
    int logs(@Mixin ApiOptions api, @Mixin RegistryOption registry, @Mixin RunId runId) {
        return Session.run(
                env, api, session -> new RunApi(session, registry.name()).follow(runId.value, session.stdout()));
    }

    @Command(
            name = "cancel",
            mixinStandardHelpOptions = true,
            description = "Cancel a run: a queued one at once, a running one as soon as its agent sees it.",
            footerHeading = "%nExamples:%n",
            footer = {"  berth run cancel -r myreg --run-id ca1"})
    int cancel(@Mixin ApiOptions api, @Mixin RegistryOption registry, @Mixin RunId runId) {
        return Session.run(env, api, session -> session.printer()
                .one(
                        session.client()
                                .post(
                                        RunApi.runPath(registry.name(), runId.value)
                                                .add("cancel")
                                                .toString(),
                                        Json.object()),
                        RunApi.RUN));
    }

    @Command(
            name = "delete",
            mixinStandardHelpOptions = true,
            description = {
                "Delete an ended run with its log and its uploaded source. A queued or running run is refused (exit 6):"
                        + " cancel it first.",
                "Asks first; without a terminal, give --yes."
            },
            footerHeading = "%nExamples:%n",
            footer = {"  berth run delete -r myreg --run-id ca1 --yes"})
    int delete(@Mixin ApiOptions api, @Mixin RegistryOption registry, @Mixin RunId runId, @Mixin YesOption yes) {
        return Session.run(
                env,
                api,
                session -> yes.deleteAfterAsking(
                        session,
                        "run '" + runId.value + "'",
                        " of registry '" + registry.name() + "' with its log",
                        RunApi.runPath(registry.name(), runId.value).toString()));
    }

    /** The statuses, for completion and help. */
    static final class Statuses extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        Statuses() {
            super(List.of(STATUSES));
        }
    }
}
