package dev.berth.builder.build;

import dev.berth.builder.dockerfile.Command;
import dev.berth.builder.dockerfile.Heredoc;
import dev.berth.builder.dockerfile.Instruction;
import dev.berth.builder.layer.Changes;
import dev.berth.builder.layer.LayerBlob;
import dev.berth.builder.layer.LayerWriter;
import dev.berth.builder.layer.Snapshot;
import dev.berth.builder.runtime.BuildRuntimeException;
import dev.berth.builder.runtime.NetworkMode;
import dev.berth.builder.runtime.RunResult;
import dev.berth.builder.runtime.RunSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code RUN}: the command in the runtime over the stage's root filesystem, then a layer of what it changed. Mount
 * points the run needed but the image did not have ({@code /proc}, {@code /etc/hosts}, a cache mount's target) do
 * not reach the layer: the runtime removes the stubs it made for them.
 */
final class RunStep {
    private final BuildSession session;
    private final StageState state;
    private final Instruction.Run run;

    RunStep(BuildSession session, StageState state, Instruction.Run run) {
        this.session = session;
        this.state = state;
        this.run = run;
    }

    void execute(StepLog log) throws IOException, BuildException {
        List<String> args = arguments();
        NetworkMode network = network();
        RunMounts mounts = new RunMounts(session, state, run);
        String workingDir = state.config().workingDir().orElse("/");
        String user = state.config().user().orElse("");
        CacheKey key = state.key()
                .next()
                .add("RUN")
                .addAll(args)
                .addAll(state.processEnv())
                .add(user)
                .add(workingDir)
                .add(network.name())
                .addAll(mounts.describe())
                .build();
        String createdBy = "RUN " + String.join(" ", args) + " # berth";
        LayerStep.run(session, state, key, createdBy, log, rootfs -> {
            Snapshot before = Snapshot.of(rootfs.directory());
            RunSpec spec = RunSpec.of(rootfs.directory(), args)
                    .withEnv(state.processEnv())
                    .withWorkingDir(workingDir)
                    .withUser(user)
                    .withNetwork(network)
                    .withMounts(mounts.resolve(rootfs))
                    .withCancellation(session.cancellation)
                    .withLimits(session.request.limits());
            check(runProcess(spec));
            Changes changes = Changes.between(before, Snapshot.of(rootfs.directory()));
            if (changes.isEmpty()) {
                return LayerStep.Produced.inPlace(Optional.empty());
            }
            LayerBlob blob = new LayerWriter(session.layerOptions()).write(changes, session.blobs.newTempFile());
            return LayerStep.Produced.inPlace(Optional.of(session.adopt(blob)));
        });
    }

    private RunResult runProcess(RunSpec spec) throws IOException, BuildException {
        try {
            return session.runtime.run(spec, session.log.processOutput());
        } catch (BuildRuntimeException e) {
            throw BuildException.at(run.location(), "RUN could not start: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw BuildException.cancelled();
        }
    }

    private void check(RunResult result) throws BuildException {
        switch (result.ending()) {
            case CANCELLED, TIMED_OUT -> throw BuildException.cancelled();
            case LIMIT_EXCEEDED ->
                throw BuildException.at(
                        run.location(),
                        "RUN exceeded "
                                + session.request
                                        .limits()
                                        .describe(result.exceeded().orElseThrow()));
            case EXITED -> {
                if (result.exitCode() != 0) {
                    throw BuildException.at(
                            run.location(),
                            "\"" + run.original() + "\" did not complete successfully: exit code " + result.exitCode());
                }
            }
        }
    }

    private List<String> arguments() {
        return switch (run.command()) {
            case Command.Exec exec -> exec.arguments();
            case Command.Shell shell -> {
                List<String> args = new ArrayList<>(state.config().shell().orElse(List.of("/bin/sh", "-c")));
                args.add(script(shell.text()));
                yield args;
            }
        };
    }

    /**
     * The shell text with its here-documents: {@code RUN <<EOF} alone runs the document as the script; otherwise the
     * documents follow the command line, for the shell to feed to it as it would in a script.
     */
    private String script(String text) {
        if (run.heredocs().isEmpty()) {
            return text;
        }
        return run.scriptHeredoc().map(Heredoc::content).orElseGet(run::shellScript);
    }

    /** The step's network; {@code --network=host} needs the entitlement (or a build whose network is the host's). */
    private NetworkMode network() throws BuildException {
        return switch (run.network().orElse("default")) {
            case "none" -> NetworkMode.NONE;
            case "host" -> {
                if (!session.request.hostNetworkAllowed() && session.request.network() != NetworkMode.HOST) {
                    throw BuildException.at(
                            run.location(), "RUN --network=host needs the network.host entitlement, not granted here");
                }
                yield NetworkMode.HOST;
            }
            default -> session.request.network();
        };
    }
}
