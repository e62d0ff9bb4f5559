package dev.berth.builder.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to run: one process over a root filesystem. Build with {@link #of} and the {@code with...} methods.
 *
 * @param rootfs the prepared root filesystem (a directory); the process may write to it, and what it writes stays
 * @param args the command in exec form, {@code args[0]} looked up on the {@code PATH} in {@code env}; the engine turns
 *     shell form into {@code [shell..., command]}
 * @param env the environment as {@code KEY=value} entries, in order; {@code HOME} is added from the user's passwd
 *     entry (or {@code /root}) when absent, and {@code PATH} is Docker's default when absent
 * @param workingDir the absolute working directory, created (owned by root) if missing, as Docker does
 * @param user the user as Docker's {@code USER} takes it: {@code name}, {@code uid}, {@code name:group},
 *     {@code uid:gid} and mixes, resolved against the rootfs's {@code /etc/passwd} and {@code /etc/group} by {@link
 *     UserResolver}; empty means root
 * @param hostname the container's host name
 * @param network the network the process sees
 * @param mounts extra mounts for {@code RUN --mount}
 * @param timeout how long the run may take before it is killed; empty for no limit
 * @param cancellation a signal that kills the run when fired
 * @param limits what the run may use (processes, memory, CPU time, disk); a run that exceeds one is stopped and its
 *     {@link RunResult} names it
 */
public record RunSpec(
        Path rootfs,
        List<String> args,
        List<String> env,
        String workingDir,
        String user,
        String hostname,
        NetworkMode network,
        List<RunMount> mounts,
        Optional<Duration> timeout,
        Cancellation cancellation,
        ResourceLimits limits) {

    /** The host name a build container gets unless told otherwise. */
    public static final String DEFAULT_HOSTNAME = "buildkitsandbox";

    public RunSpec {
        Objects.requireNonNull(rootfs, "rootfs");
        args = List.copyOf(args);
        if (args.isEmpty()) {
            throw new IllegalArgumentException("a run needs a command");
        }
        env = List.copyOf(env);
        for (String entry : env) {
            if (entry.indexOf('=') <= 0) {
                throw new IllegalArgumentException("an environment entry must be KEY=value: " + entry);
            }
        }
        if (!workingDir.startsWith("/")) {
            throw new IllegalArgumentException("the working directory must be absolute: " + workingDir);
        }
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(network, "network");
        mounts = List.copyOf(mounts);
        Objects.requireNonNull(timeout, "timeout");
        timeout.ifPresent(RunSpec::requirePositive);
        Objects.requireNonNull(cancellation, "cancellation");
        Objects.requireNonNull(limits, "limits");
    }

    /** Runs {@code args} as root in {@code /}, with no environment, no network, no mounts, no time or resource limits. */
    public static RunSpec of(Path rootfs, List<String> args) {
        return new RunSpec(
                rootfs,
                args,
                List.of(),
                "/",
                "",
                DEFAULT_HOSTNAME,
                NetworkMode.NONE,
                List.of(),
                Optional.empty(),
                Cancellation.never(),
                ResourceLimits.none());
    }

    public RunSpec withEnv(List<String> newEnv) {
        return new RunSpec(
                rootfs, args, newEnv, workingDir, user, hostname, network, mounts, timeout, cancellation, limits);
    }

    public RunSpec withWorkingDir(String dir) {
        return new RunSpec(rootfs, args, env, dir, user, hostname, network, mounts, timeout, cancellation, limits);
    }

    public RunSpec withUser(String newUser) {
        return new RunSpec(
                rootfs, args, env, workingDir, newUser, hostname, network, mounts, timeout, cancellation, limits);
    }

    public RunSpec withHostname(String name) {
        return new RunSpec(rootfs, args, env, workingDir, user, name, network, mounts, timeout, cancellation, limits);
    }

    public RunSpec withNetwork(NetworkMode mode) {
        return new RunSpec(rootfs, args, env, workingDir, user, hostname, mode, mounts, timeout, cancellation, limits);
    }

    public RunSpec withMounts(List<RunMount> newMounts) {
        return new RunSpec(
                rootfs, args, env, workingDir, user, hostname, network, newMounts, timeout, cancellation, limits);
    }

    public RunSpec withTimeout(Duration limit) {
        return new RunSpec(
                rootfs,
                args,
                env,
                workingDir,
                user,
                hostname,
                network,
                mounts,
                Optional.of(limit),
                cancellation,
                limits);
    }

    public RunSpec withCancellation(Cancellation signal) {
        return new RunSpec(rootfs, args, env, workingDir, user, hostname, network, mounts, timeout, signal, limits);
    }

    public RunSpec withLimits(ResourceLimits newLimits) {
        return new RunSpec(
                rootfs, args, env, workingDir, user, hostname, network, mounts, timeout, cancellation, newLimits);
    }

    private static void requirePositive(Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("a timeout must be positive: " + limit);
        }
    }
}
