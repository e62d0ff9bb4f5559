package dev.berth.builder.build;

import dev.berth.builder.image.Platform;
import dev.berth.builder.runtime.NetworkMode;
import dev.berth.builder.runtime.ResourceLimits;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to build.
 *
 * @param context the build context directory (its {@code .dockerignore} is applied to what COPY and ADD see)
 * @param dockerfile the Dockerfile's path relative to the context
 * @param buildArgs {@code --build-arg} values
 * @param secretArgs the names among {@code buildArgs} whose values must not appear in the log or the image history
 * @param target the stage to build, or empty for the last
 * @param platform the platform to build for (base images are picked for it)
 * @param noCache build every step, ignoring the cache (results are still cached)
 * @param network the network RUN steps get unless a step asks for another ({@code NONE}: loopback only)
 * @param sourceDateEpoch clamps file times and the image's dates, for reproducible images
 * @param format the manifest and config media types to write
 * @param hostNetworkAllowed BuildKit's {@code network.host} entitlement: without it, {@code RUN --network=host} is
 *     refused and {@code ADD} URLs may not reach loopback or link-local addresses (the builder's own host, cloud
 *     metadata services), so a Dockerfile cannot reach what only the build machine can
 * @param limits what each RUN step may use (processes, memory, CPU time, disk written); a step past one fails at its
 *     line, naming the limit
 */
public record BuildRequest(
        Path context,
        String dockerfile,
        Map<String, String> buildArgs,
        Set<String> secretArgs,
        Optional<String> target,
        Platform platform,
        boolean noCache,
        NetworkMode network,
        Optional<Instant> sourceDateEpoch,
        ImageFormat format,
        boolean hostNetworkAllowed,
        ResourceLimits limits) {

    public BuildRequest {
        Objects.requireNonNull(context, "context");
        dockerfile = dockerfile == null || dockerfile.isBlank() ? "Dockerfile" : dockerfile;
        buildArgs = Map.copyOf(buildArgs);
        secretArgs = Set.copyOf(secretArgs);
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(limits, "limits");
    }

    /** A build of {@code context/Dockerfile} for this machine's platform, with defaults for everything else. */
    public static BuildRequest of(Path context) {
        return new BuildRequest(
                context,
                "Dockerfile",
                Map.of(),
                Set.of(),
                Optional.empty(),
                Platform.host(),
                false,
                NetworkMode.NONE,
                Optional.empty(),
                ImageFormat.OCI,
                false,
                ResourceLimits.none());
    }

    public BuildRequest withDockerfile(String path) {
        return change(c -> c.dockerfile = path);
    }

    public BuildRequest withBuildArgs(Map<String, String> args, Set<String> secret) {
        return change(c -> {
            c.buildArgs = args;
            c.secretArgs = secret;
        });
    }

    public BuildRequest withTarget(Optional<String> stage) {
        return change(c -> c.target = stage);
    }

    public BuildRequest withPlatform(Platform value) {
        return change(c -> c.platform = value);
    }

    public BuildRequest withNoCache(boolean value) {
        return change(c -> c.noCache = value);
    }

    public BuildRequest withNetwork(NetworkMode value) {
        return change(c -> c.network = value);
    }

    public BuildRequest withSourceDateEpoch(Optional<Instant> value) {
        return change(c -> c.sourceDateEpoch = value);
    }

    public BuildRequest withFormat(ImageFormat value) {
        return change(c -> c.format = value);
    }

    public BuildRequest withHostNetworkAllowed(boolean value) {
        return change(c -> c.hostNetworkAllowed = value);
    }

    public BuildRequest withLimits(ResourceLimits value) {
        return change(c -> c.limits = value);
    }

    /** A copy with some components changed: records have no withers, so the {@code with...} methods share this. */
    private BuildRequest change(java.util.function.Consumer<Components> edit) {
        Components c = new Components(this);
        edit.accept(c);
        return new BuildRequest(
                context,
                c.dockerfile,
                c.buildArgs,
                c.secretArgs,
                c.target,
                c.platform,
                c.noCache,
                c.network,
                c.sourceDateEpoch,
                c.format,
                c.hostNetworkAllowed,
                c.limits);
    }

    /** The components a {@code with...} method may change, copied from a request. */
    private static final class Components {
        String dockerfile;
        Map<String, String> buildArgs;
        Set<String> secretArgs;
        Optional<String> target;
        Platform platform;
        boolean noCache;
        NetworkMode network;
        Optional<Instant> sourceDateEpoch;
        ImageFormat format;
        boolean hostNetworkAllowed;
        ResourceLimits limits;

        Components(BuildRequest r) {
            dockerfile = r.dockerfile;
            buildArgs = r.buildArgs;
            secretArgs = r.secretArgs;
            target = r.target;
            platform = r.platform;
            noCache = r.noCache;
            network = r.network;
            sourceDateEpoch = r.sourceDateEpoch;
            format = r.format;
            hostNetworkAllowed = r.hostNetworkAllowed;
            limits = r.limits;
        }
    }
}
