package dev.berth.builder.build;

import dev.berth.builder.image.BaseImageResolver;
import dev.berth.builder.image.ImageReference;
import dev.berth.builder.image.ImageSources;
import dev.berth.builder.image.Platform;
import dev.berth.builder.image.ResolvedImage;
import dev.berth.builder.runtime.BuildRuntimeException;
import dev.berth.builder.runtime.Cancellation;
import dev.berth.builder.runtime.NetworkMode;
import dev.berth.builder.runtime.ResourceLimits;
import dev.berth.builder.runtime.RunResult;
import dev.berth.builder.runtime.RunSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a container from an image, as {@code docker run image args...} would: the image's entrypoint with the given
 * arguments (or its {@code Cmd} when none are given), its environment, user and working directory, over a fresh root
 * filesystem unpacked from its layers, which is removed afterwards. The quick run ({@code berth run --cmd}) uses it.
 */
public final class ContainerRunner {
    private final ImageBuilder builder;

    public ContainerRunner(ImageBuilder builder) {
        this.builder = builder;
    }

    /**
     * How the container ended.
     *
     * @param exceeded the limit the container went past, as a message names it ({@code the memory limit (2 GiB)})
     */
    public record Exit(int code, boolean cancelled, Optional<String> exceeded) {}

    public Exit run(
            String image,
            List<String> args,
            ImageSources sources,
            Platform platform,
            NetworkMode network,
            ResourceLimits limits,
            BuildLog log,
            Cancellation cancellation)
            throws BuildException {
        Path workDir = null;
        try {
            BaseImageResolver bases = builder.resolver(sources);
            ResolvedImage resolved = bases.resolve(ImageReference.parse(image), platform);
            log.line("running " + resolved.reference());
            StageState state = StageStart.fromImage(resolved, CacheKey.root("run"));
            workDir = Files.createTempDirectory(builder.workRoot(), "run-");
            Rootfs rootfs = Rootfs.create(workDir);
            bases.fetchLayers(resolved);
            rootfs.catchUp(state.layers(), builder.blobs());
            RunSpec spec = RunSpec.of(rootfs.directory(), command(state, args, image))
                    .withEnv(state.processEnv())
                    .withWorkingDir(state.config().workingDir().orElse("/"))
                    .withUser(state.config().user().orElse(""))
                    .withNetwork(network)
                    .withCancellation(cancellation)
                    .withLimits(limits);
            RunResult result = builder.services().runtime().run(spec, log.processOutput());
            boolean stopped =
                    result.ending() == RunResult.Ending.CANCELLED || result.ending() == RunResult.Ending.TIMED_OUT;
            return new Exit(result.exitCode(), stopped, result.exceeded().map(limits::describe));
        } catch (IllegalArgumentException e) {
            throw new BuildException(e.getMessage(), e);
        } catch (BuildRuntimeException e) {
            throw new BuildException("the container could not start: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BuildException("cannot run " + image + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw BuildException.cancelled();
        } finally {
            ImageBuilder.delete(workDir);
        }
    }

    private static List<String> command(StageState state, List<String> args, String image) {
        List<String> command = new ArrayList<>(state.config().entrypoint().orElse(List.of()));
        command.addAll(args.isEmpty() ? state.config().cmd().orElse(List.of()) : args);
        if (command.isEmpty()) {
            throw new IllegalArgumentException(image + " has no entrypoint or command, and none was given");
        }
        return command;
    }
}
