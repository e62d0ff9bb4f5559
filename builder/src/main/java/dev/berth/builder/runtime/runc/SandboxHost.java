package dev.berth.builder.runtime.runc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * What this host offers the sandbox, found once when the runtime is first checked: whether runc runs rootless,
 * whether id-mapped mounts work (root only: they put containers' users on unprivileged host ids while the disk keeps
 * the image's ids), and whether cgroup v1 groups with the pids, memory and cpuacct controllers can be made (root
 * only; the kernel then enforces the process and memory limits). See {@code docs/builder-runtime.md}.
 */
record SandboxHost(boolean rootless, boolean idMappedMounts, Optional<CgroupHierarchies> cgroups) {

    static SandboxHost detect(RuncOptions options, boolean rootless) {
        if (rootless) {
            return new SandboxHost(true, false, Optional.empty());
        }
        return new SandboxHost(false, idMappedMountsWork(options), CgroupHierarchies.detect());
    }

    /** One line for the log: which mechanisms apply. */
    String describe() {
        String users = rootless
                ? "rootless (one id mapped to root)"
                : idMappedMounts ? "user namespace on unprivileged host ids" : "host root (no id-mapped mounts here)";
        String limits = cgroups.isPresent() ? "cgroup v1 (pids, memory, cpuacct)" : "process-tree watcher and rlimits";
        return "build sandbox: " + users + "; limits by " + limits + "; seccomp; no new privileges";
    }

    private static boolean idMappedMountsWork(RuncOptions options) {
        Path probe = options.mountRoot().resolve("probe-" + UUID.randomUUID());
        Path source = probe.resolve("source");
        Path target = probe.resolve("target");
        try {
            MountPoints.createRoot(options.mountRoot());
            Files.createDirectories(source);
            Files.createDirectories(target);
            HostIdRange range = options.hostIds().range(0);
            IdMappedMounts.mount(source, target, MappingNamespaces.of(range));
            boolean shifted = Files.getAttribute(target, "unix:uid").equals(range.base());
            IdMappedMounts.unmount(target);
            return shifted;
        } catch (IOException | RuntimeException | LinkageError e) {
            return false;
        } finally {
            MountPoints.removeEmpty(probe);
        }
    }
}
