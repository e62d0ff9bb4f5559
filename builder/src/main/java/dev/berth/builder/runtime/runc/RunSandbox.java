package dev.berth.builder.runtime.runc;

import dev.berth.builder.runtime.RunMount;
import dev.berth.builder.runtime.RunSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The host-side set-up of one run's sandbox, undone by {@link #close()}: as root with id-mapped mounts, a host id
 * range of its own and id-mapped views of its root filesystem and binds under {@link RuncOptions#mountRoot()}; where
 * cgroups work, its groups with the limits written. What the container uses is then read through {@link #usage()}.
 *
 * <pre>
 * mountRoot/&lt;id&gt;/rootfs     the rootfs, owners shifted into the run's host range
 * mountRoot/&lt;id&gt;/bind-&lt;n&gt;   the n-th bind source, likewise
 * </pre>
 */
final class RunSandbox implements AutoCloseable {
    private final RuncOptions options;
    private final String id;
    private final List<Path> mounted = new ArrayList<>();
    private Optional<Integer> slot = Optional.empty();
    private Optional<RunCgroup> cgroup = Optional.empty();
    private Isolation isolation;
    private ResourceUsage usage;
    private boolean closed;

    private RunSandbox(RuncOptions options, String id) {
        this.options = options;
        this.id = id;
    }

    static RunSandbox prepare(SandboxHost host, RuncOptions options, String id, RunSpec spec, Path bundle)
            throws IOException {
        RunSandbox sandbox = new RunSandbox(options, id);
        try {
            sandbox.set(host, spec, bundle);
            return sandbox;
        } catch (IOException | RuntimeException e) {
            sandbox.close();
            throw e;
        }
    }

    Isolation isolation() {
        return isolation;
    }

    ResourceUsage usage() {
        return usage;
    }

    private void set(SandboxHost host, RunSpec spec, Path bundle) throws IOException {
        UserMapping users = users(host);
        Path root = spec.rootfs();
        List<RunMount> mounts = spec.mounts();
        if (users instanceof UserMapping.Shifted shifted) {
            int namespace = MappingNamespaces.of(shifted.range());
            root = mount(spec.rootfs(), "rootfs", namespace);
            mounts = shiftBinds(spec.mounts(), namespace);
        }
        if (host.cgroups().isPresent()) {
            RunCgroup group = RunCgroup.create(host.cgroups().get(), id, spec.limits());
            cgroup = Optional.of(group);
            usage = group;
        } else {
            usage = new ProcessTree(RuncCommands.pidFile(bundle), spec.limits());
        }
        isolation = new Isolation(users, root, mounts, cgroup.map(RunCgroup::runcPath), HostRlimits.ofThisProcess());
    }

    private UserMapping users(SandboxHost host) {
        if (host.rootless()) {
            return new UserMapping.Rootless(options.runAs().orElseGet(HostProcesses::current));
        }
        if (!host.idMappedMounts()) {
            return new UserMapping.HostRoot();
        }
        slot = Optional.of(options.hostIds().acquire());
        return new UserMapping.Shifted(options.hostIds().range(slot.get()));
    }

    private List<RunMount> shiftBinds(List<RunMount> mounts, int namespace) throws IOException {
        List<RunMount> shifted = new ArrayList<>();
        for (RunMount mount : mounts) {
            if (mount instanceof RunMount.Bind bind) {
                Path view = mount(bind.source(), "bind-" + shifted.size(), namespace);
                shifted.add(new RunMount.Bind(view, bind.target(), bind.readOnly()));
            } else {
                shifted.add(mount);
            }
        }
        return shifted;
    }

    private Path mount(Path source, String name, int namespace) throws IOException {
        MountPoints.createRoot(options.mountRoot());
        Path target = MountPoints.create(options.mountRoot().resolve(id).resolve(name), !Files.isDirectory(source));
        IdMappedMounts.mount(source.toAbsolutePath(), target, namespace);
        mounted.add(target);
        return target;
    }

    /** Undoes the set-up; once only, whether the run or the JVM's shutdown hook calls it first. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Path target : mounted.reversed()) {
            IdMappedMounts.unmount(target);
        }
        if (!mounted.isEmpty()) {
            MountPoints.removeEmpty(options.mountRoot().resolve(id));
        }
        cgroup.ifPresent(RunCgroup::remove);
        slot.ifPresent(options.hostIds()::release);
    }
}
