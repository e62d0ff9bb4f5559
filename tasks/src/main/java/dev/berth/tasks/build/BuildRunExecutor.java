package dev.berth.tasks.build;

import dev.berth.builder.build.BuildException;
import dev.berth.builder.build.BuildRequest;
import dev.berth.builder.build.BuildResult;
import dev.berth.builder.build.ContainerRunner;
import dev.berth.builder.build.ImageBuilder;
import dev.berth.builder.dockerfile.Substitution;
import dev.berth.builder.image.OciLayoutSource;
import dev.berth.builder.image.Platform;
import dev.berth.builder.runtime.NetworkMode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.events.EventRequest;
import dev.berth.core.events.RequestContext;
import dev.berth.core.imports.ImportMode;
import dev.berth.core.imports.ImportRequest;
import dev.berth.core.imports.ImportService;
import dev.berth.core.imports.ImportSource;
import dev.berth.core.imports.RemoteImageSources;
import dev.berth.core.imports.SourceImage;
import dev.berth.core.imports.TargetTag;
import dev.berth.core.oci.Reference;
import dev.berth.core.runs.FailureText;
import dev.berth.core.runs.OutputImage;
import dev.berth.core.runs.Run;
import dev.berth.core.runs.RunArgument;
import dev.berth.core.runs.RunLog;
import dev.berth.core.runs.RunRequest;
import dev.berth.core.spi.RegistryStore;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.tasks.Cancellation;
import dev.berth.tasks.RunExecutor;
import dev.berth.tasks.RunOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The executor of quick builds and quick runs on the builder library. A build reads its Dockerfile from the context,
 * builds with the run's arguments, target and platform, and (unless {@code --no-push}) pushes every named tag into the
 * run's registry through {@link ImportService}, so a build's push is checked, locked, counted and announced as any
 * push is. A quick run starts a container from {@code <image> <args>} and fails when it exits non-zero.
 */
public final class BuildRunExecutor implements RunExecutor {
    private final RegistryBuilders builders;
    private final ImportService imports;
    private final RegistryStore registries;
    private final UnaryOperator<String> loginServer;
    private final String defaultRegistry;
    private final RemoteImageSources remote;
    private final SandboxLimits limits;

    /**
     * @param loginServer a registry name's login server
     * @param defaultRegistry the name of the registry that also answers on {@code localhost}
     * @param limits what each build step and quick run may use, by the registry's tier
     */
    public BuildRunExecutor(
            RegistryBuilders builders,
            ImportService imports,
            RegistryStore registries,
            UnaryOperator<String> loginServer,
            String defaultRegistry,
            RemoteImageSources remote,
            SandboxLimits limits) {
        this.builders = builders;
        this.limits = limits;
        this.imports = imports;
        this.registries = registries;
        this.loginServer = loginServer;
        this.defaultRegistry = defaultRegistry;
        this.remote = remote;
    }

    @Override
    public RunOutcome execute(Run run, Path context, RunLog log, Cancellation cancel) throws Exception {
        RegistryRecord registry = registries
                .findById(run.registryId())
                .orElseThrow(() -> new IOException("the run's registry no longer exists"));
        InstallationImages images = new InstallationImages(
                registry,
                loginServer.apply(registry.name()),
                registry.name().equals(defaultRegistry),
                imports,
                remote,
                run.request().credentials());
        dev.berth.builder.runtime.Cancellation stop = new dev.berth.builder.runtime.Cancellation();
        cancel.onCancel(stop::cancel);
        RunBuildLog buildLog = new RunBuildLog(log);
        ImageBuilder builder = builders.of(registry.id());
        try {
            return switch (run.type()) {
                case QUICK_BUILD -> build(builder, run, registry, images, context, buildLog, stop);
                case QUICK_RUN -> quickRun(builder, run, registry, images, buildLog, stop);
            };
        } catch (BuildException | IllegalArgumentException | RegistryException e) {
            // RegistryException: the run's registry refused the push (a locked tag, no room left), the user's to fix
            return RunOutcome.failed(builder.hostPaths(context).apply(e.getMessage()));
        }
    }

    private RunOutcome build(
            ImageBuilder builder,
            Run run,
            RegistryRecord registry,
            InstallationImages images,
            Path context,
            RunBuildLog log,
            dev.berth.builder.runtime.Cancellation stop)
            throws BuildException, IOException {
        RunRequest request = run.request();
        List<TargetTag> targets = TargetNames.parse(request.imageNames(), images);
        BuildRequest buildRequest = buildRequest(run, context).withLimits(limits.of(registry.tier()));
        BuildResult result = builder.build(buildRequest, images, log, stop);
        log.line("Image digest: " + result.manifestDigest() + " ("
                + result.steps().executed() + " steps run, " + result.steps().cached() + " from the cache)");
        if (!request.pushEnabled() || targets.isEmpty()) {
            return RunOutcome.succeeded(List.of());
        }
        push(builder, run, registry, targets, result, log);
        String server = loginServer.apply(registry.name());
        List<OutputImage> outputs = new ArrayList<>();
        for (TargetTag target : targets) {
            log.line("Pushed " + server + "/" + target + "@" + result.manifestDigest());
            outputs.add(new OutputImage(
                    server,
                    target.repository().value(),
                    target.tag().value(),
                    result.manifestDigest().toString()));
        }
        return RunOutcome.succeeded(outputs);
    }

    private void push(
            ImageBuilder builder,
            Run run,
            RegistryRecord registry,
            List<TargetTag> targets,
            BuildResult result,
            RunBuildLog log)
            throws IOException {
        log.line("Pushing " + targets.stream().map(TargetTag::toString).collect(Collectors.joining(", ")));
        ImportRequest push = new ImportRequest(
                new ImportSource.Prepared(new OciLayoutSource(builder.blobs(), Map.of())),
                new SourceImage(targets.getFirst().repository(), new Reference.ByDigest(result.manifestDigest())),
                targets,
                List.of(),
                ImportMode.FORCE);
        RequestContext actor = new RequestContext(EventRequest.NONE, "run " + run.id());
        try {
            ScopedValue.where(RequestContext.CURRENT, actor).call(() -> imports.importImage(registry, push));
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(FailureText.describe(e), e);
        }
    }

    private static BuildRequest buildRequest(Run run, Path context) {
        RunRequest request = run.request();
        Map<String, String> args = new LinkedHashMap<>();
        Set<String> secret = new java.util.HashSet<>();
        for (RunArgument argument : request.arguments()) {
            args.put(argument.name(), argument.value());
            if (argument.secret()) {
                secret.add(argument.name());
            }
        }
        return BuildRequest.of(context)
                .withDockerfile(request.dockerFilePath().isEmpty() ? "Dockerfile" : request.dockerFilePath())
                .withBuildArgs(args, secret)
                .withTarget(request.target().isEmpty() ? Optional.empty() : Optional.of(request.target()))
                .withPlatform(platform(request))
                .withNoCache(request.noCache());
    }

    private static Platform platform(RunRequest request) {
        dev.berth.core.runs.Platform p = request.platform();
        return new Platform(p.os(), p.architecture(), p.variant());
    }

    private RunOutcome quickRun(
            ImageBuilder builder,
            Run run,
            RegistryRecord registry,
            InstallationImages images,
            RunBuildLog log,
            dev.berth.builder.runtime.Cancellation stop)
            throws BuildException {
        Optional<String> command = run.request().command();
        if (command.isEmpty()) {
            return RunOutcome.failed("the run has no command: --cmd \"<image> [args...]\" (or a task of one cmd step)");
        }
        List<String> words = new Substitution('\\').expandWords(command.get(), Map.of());
        if (words.isEmpty()) {
            return RunOutcome.failed("the run has no command: --cmd \"<image> [args...]\"");
        }
        ContainerRunner.Exit exit = new ContainerRunner(builder)
                .run(
                        words.getFirst(),
                        words.subList(1, words.size()),
                        images,
                        platform(run.request()),
                        NetworkMode.NONE,
                        limits.of(registry.tier()),
                        log,
                        stop);
        if (exit.cancelled()) {
            throw BuildException.cancelled();
        }
        if (exit.exceeded().isPresent()) {
            return RunOutcome.failed("the command exceeded " + exit.exceeded().get());
        }
        if (exit.code() != 0) {
            return RunOutcome.failed("the command exited with code " + exit.code());
        }
        return RunOutcome.succeeded(List.of());
    }
}
