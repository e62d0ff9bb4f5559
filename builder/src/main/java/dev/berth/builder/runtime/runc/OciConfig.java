package dev.berth.builder.runtime.runc;

import dev.berth.builder.runtime.Limit;
import dev.berth.builder.runtime.NetworkMode;
import dev.berth.builder.runtime.ProcessUser;
import dev.berth.builder.runtime.ResourceLimits;
import dev.berth.builder.runtime.RunSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OCI runtime spec ({@code config.json}) for one build run: the process (no terminal, the common default
 * capabilities, rlimits within this process's own, no new privileges), the writable root, the usual minimal mounts,
 * masked and read-only paths, Berth's seccomp filter ({@link SeccompProfile}), and pid, ipc, uts, mount, user (see
 * {@link UserMapping}) and, unless the host network is asked for, network namespaces. The container joins the cgroup
 * the runtime made for its limits when there is one.
 */
public record OciConfig(RunSpec spec, ProcessUser user, Isolation isolation) {

    /** The config as a JSON-ready tree of maps and lists. */
    public Map<String, Object> toMap() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("ociVersion", OciDefaults.OCI_VERSION);
        config.put("process", process());
        config.put("root", new Root(isolation.root().toAbsolutePath().toString(), false));
        config.put("hostname", spec.hostname());
        config.put("mounts", mounts());
        config.put("linux", linux());
        return config;
    }

    /** Where every mount goes inside the container, for {@link MountStubs}. */
    public List<String> mountTargets() {
        return mounts().stream().map(m -> (String) m.get("destination")).toList();
    }

    private List<Map<String, Object>> mounts() {
        return OciMounts.of(spec.network(), isolation.mounts(), isolation.users());
    }

    private Map<String, Object> process() {
        Map<String, Object> process = new LinkedHashMap<>();
        process.put("terminal", false);
        process.put("user", processUser());
        process.put("args", spec.args());
        process.put("env", environment());
        process.put("cwd", spec.workingDir());
        process.put("capabilities", capabilities());
        process.put("rlimits", rlimits());
        process.put("noNewPrivileges", true);
        return process;
    }

    /**
     * Open files as Docker gives them; where limits are set, the file size (a file past the disk limit gets
     * {@code SIGXFSZ}) and each process's CPU time ({@code SIGXCPU}, then {@code SIGKILL} a second later) as
     * backstops to the runtime's own accounting, and the number of processes of a user when ids are private to the
     * container and no pids cgroup counts them. All lowered to this process's hard limits.
     */
    private List<Rlimit> rlimits() {
        HostRlimits ceilings = isolation.ceilings();
        ResourceLimits limits = spec.limits();
        List<Rlimit> rlimits = new ArrayList<>();
        rlimits.add(Rlimit.of(ceilings, "RLIMIT_NOFILE", OciDefaults.NOFILE, OciDefaults.NOFILE));
        if (limits.limits(Limit.DISK)) {
            rlimits.add(Rlimit.of(ceilings, "RLIMIT_FSIZE", limits.diskBytes(), limits.diskBytes()));
        }
        if (limits.limits(Limit.CPU_TIME)) {
            long seconds = Math.max(1, (limits.cpuTime().toMillis() + 999) / 1000);
            rlimits.add(Rlimit.of(ceilings, "RLIMIT_CPU", seconds, seconds + 1));
        }
        boolean privateIds = isolation.users() instanceof UserMapping.Shifted;
        if (limits.limits(Limit.PROCESSES)
                && privateIds
                && isolation.cgroupsPath().isEmpty()) {
            rlimits.add(Rlimit.of(ceilings, "RLIMIT_NPROC", limits.processes(), limits.processes()));
        }
        return rlimits;
    }

    private Map<String, Object> processUser() {
        Map<String, Object> ids = new LinkedHashMap<>();
        ids.put("uid", user.uid());
        ids.put("gid", user.gid());
        if (!user.additionalGids().isEmpty()) {
            ids.put("additionalGids", user.additionalGids());
        }
        return ids;
    }

    private List<String> environment() {
        List<String> env = new ArrayList<>(spec.env());
        if (env.stream().noneMatch(e -> e.startsWith("PATH="))) {
            env.add(OciDefaults.DEFAULT_PATH);
        }
        if (env.stream().noneMatch(e -> e.startsWith("HOME="))) {
            env.add("HOME=" + user.home());
        }
        return env;
    }

    private static Capabilities capabilities() {
        List<String> caps = OciDefaults.CAPABILITIES;
        return new Capabilities(caps, caps, caps);
    }

    private Map<String, Object> linux() {
        Map<String, Object> linux = new LinkedHashMap<>();
        List<Namespace> namespaces = new ArrayList<>();
        for (String type : List.of("pid", "ipc", "uts", "mount")) {
            namespaces.add(new Namespace(type));
        }
        if (spec.network() == NetworkMode.NONE) {
            namespaces.add(new Namespace("network"));
        }
        switch (isolation.users()) {
            case UserMapping.Shifted shifted -> {
                namespaces.add(new Namespace("user"));
                linux.put("uidMappings", List.of(shifted.range().mapping()));
                linux.put("gidMappings", List.of(shifted.range().mapping()));
            }
            case UserMapping.Rootless rootless -> {
                namespaces.add(new Namespace("user"));
                linux.put(
                        "uidMappings",
                        List.of(new IdMapping(0, rootless.runcUser().uid(), 1)));
                linux.put(
                        "gidMappings",
                        List.of(new IdMapping(0, rootless.runcUser().gid(), 1)));
            }
            case UserMapping.HostRoot hostRoot -> {}
        }
        if (!isolation.users().isRootless()) {
            linux.put("resources", Map.of("devices", List.of(new DeviceRule(false, "rwm"))));
        }
        isolation.cgroupsPath().ifPresent(path -> linux.put("cgroupsPath", path));
        linux.put("namespaces", namespaces);
        linux.put("maskedPaths", OciDefaults.MASKED_PATHS);
        linux.put("readonlyPaths", OciDefaults.READONLY_PATHS);
        linux.put("seccomp", SeccompProfile.forThisMachine());
        return linux;
    }

    record Root(String path, boolean readonly) {}

    record Rlimit(String type, long hard, long soft) {
        static Rlimit of(HostRlimits ceilings, String type, long soft, long hard) {
            long lowered = ceilings.atMost(type, hard);
            return new Rlimit(type, lowered, Math.min(soft, lowered));
        }
    }

    record Capabilities(List<String> bounding, List<String> effective, List<String> permitted) {}

    record Namespace(String type) {}

    record DeviceRule(boolean allow, String access) {}

    record IdMapping(int containerID, int hostID, int size) {}
}
