package dev.berth.builder.runtime.runc;

import dev.berth.builder.runtime.BuildRuntime;
import dev.berth.builder.runtime.BuildRuntimeException;
import dev.berth.builder.runtime.OutputSink;
import dev.berth.builder.runtime.ProcessUser;
import dev.berth.builder.runtime.RunResult;
import dev.berth.builder.runtime.RunSpec;
import dev.berth.builder.runtime.UserResolver;
import dev.berth.builder.runtime.runc.RuncOptions.HostIdentity;
import dev.berth.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The build runtime on {@code runc}: for each run it writes an OCI runtime bundle ({@code config.json}) under {@link
 * RuncOptions#workDir()}, runs {@code runc --root <private state> run --bundle <bundle> <unique id>} with stdin from
 * {@code /dev/null} and stdout and stderr piped to the sink, and removes the bundle and state afterwards.
 *
 * <p>Every container is sandboxed ({@link SandboxHost} says how, per host): a user namespace, Berth's seccomp filter,
 * no new privileges, the common default capabilities, and the run's {@link dev.berth.builder.runtime.ResourceLimits}
 * enforced by cgroups or watched ({@link LimitWatcher}). As root, containers' users map to an unprivileged host id
 * range of their own and the rootfs is seen through an id-mapped mount ({@link RunSandbox}); otherwise rootless mode,
 * where a user namespace maps the caller to root inside (only root exists there, so a {@code USER} other than root is
 * refused). When neither root nor unprivileged user namespaces are available, {@link #check()} and every run fail at
 * once, saying why.
 *
 * <pre>
 * workDir/
 *   state/          runc --root: runc's own state, one directory per running container
 *   bundles/&lt;id&gt;/  config.json and runc-log.json of one run, removed when it ends
 * </pre>
 */
public final class RuncRuntime implements BuildRuntime {

    private final RuncOptions options;
    private final HostIdentity runcUser;
    private final Optional<HostIdentity> rootlessAs;
    private volatile SandboxHost host;

    public RuncRuntime(RuncOptions options) {
        this.options = options;
        this.runcUser = options.runAs().orElseGet(HostProcesses::current);
        this.rootlessAs = runcUser.isRoot() ? Optional.empty() : Optional.of(runcUser);
    }

    /** Whether runs use runc's rootless mode (runc runs as a user other than root). */
    public boolean isRootless() {
        return rootlessAs.isPresent();
    }

    /** Which sandbox mechanisms apply on this host, one line (after {@link #check()}). */
    public String sandboxDescription() throws BuildRuntimeException {
        check();
        return host.describe();
    }

    @Override
    public void check() throws BuildRuntimeException {
        if (host != null) {
            return;
        }
        if (!Files.isExecutable(options.runc())) {
            throw new BuildRuntimeException("runc not found at " + options.runc()
                    + ": install it (Debian package runc, see scripts/install-test-deps)");
        }
        if (isRootless()) {
            UserNamespaces.requireAvailable(options.commandPrefix());
        }
        host = SandboxHost.detect(options, isRootless());
    }

    @Override
    public RunResult run(RunSpec spec, OutputSink output) throws IOException, InterruptedException {
        check();
        ProcessUser user = resolveUser(spec);
        Optional<HostIdentity> owner = options.runAs();
        Path state = Bundles.privateDirectory(options.workDir().resolve("state"), owner);
        RuncCommands commands = new RuncCommands(options, state);
        String id = "berth-" + UUID.randomUUID();
        Path bundle =
                Bundles.privateDirectory(options.workDir().resolve("bundles").resolve(id), owner);
        ActiveContainers.add(id, commands, bundle);
        try (RunSandbox sandbox = RunSandbox.prepare(host, options, id, spec, bundle)) {
            ActiveContainers.undoOnShutdown(id, sandbox::close);
            OciConfig config = new OciConfig(spec, user, sandbox.isolation());
            Files.write(bundle.resolve("config.json"), Json.write(config.toMap()));
            MountStubs stubs = MountStubs.before(spec.rootfs(), config.mountTargets());
            try {
                return new RuncRun(commands, id, bundle).execute(spec, sandbox.usage(), output);
            } finally {
                stubs.removeEmpty();
            }
        } finally {
            ActiveContainers.destroy(id, commands, bundle);
            ActiveContainers.remove(id);
        }
    }

    private ProcessUser resolveUser(RunSpec spec) throws IOException {
        if (!Files.isDirectory(spec.rootfs())) {
            throw new BuildRuntimeException("the root filesystem " + spec.rootfs() + " is not a directory");
        }
        ProcessUser user = UserResolver.resolve(spec.rootfs(), spec.user());
        if (isRootless() && (user.uid() != 0 || user.gid() != 0)) {
            throw new BuildRuntimeException("rootless builds run as root inside the container only; USER " + spec.user()
                    + " (" + user.uid() + ":" + user.gid() + ") needs a build as root");
        }
        return isRootless() ? new ProcessUser(0, 0, List.of(), user.home()) : user;
    }
}
