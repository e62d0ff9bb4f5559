package dev.berth.builder.runtime.internal;

import dev.berth.builder.runtime.NetworkMode;
import dev.berth.builder.runtime.ProcessUser;
import dev.berth.builder.runtime.RunSpec;
import dev.berth.builder.runtime.RuncOptions.HostIdentity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OCI runtime spec ({@code config.json}) for one build run: the process (no terminal, Docker's capabilities, an
 * open-files limit this process can grant, no new privileges), the writable root, Docker's minimal mounts, masked and
 * read-only paths, and pid, ipc, uts, mount and (unless the host network is asked for) network namespaces. In
 * rootless mode a user namespace maps the host identity to root and there is no cgroup.
 */
public record OciConfig(RunSpec spec, ProcessUser user, Optional<HostIdentity> rootlessAs, long nofileLimit) {

    /** The config as a JSON-ready tree of maps and lists. */
    public Map<String, Object> toMap() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("ociVersion", OciDefaults.OCI_VERSION);
        config.put("process", process());
        config.put("root", new Root(spec.rootfs().toAbsolutePath().toString(), false));
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
        return OciMounts.of(spec.network(), spec.mounts(), rootlessAs.isPresent());
    }

    private Map<String, Object> process() {
        Map<String, Object> process = new LinkedHashMap<>();
        process.put("terminal", false);
        process.put("user", processUser());
        process.put("args", spec.args());
        process.put("env", environment());
        process.put("cwd", spec.workingDir());
        process.put("capabilities", capabilities());
        long nofile = Math.min(OciDefaults.NOFILE, nofileLimit);
        process.put("rlimits", List.of(new Rlimit("RLIMIT_NOFILE", nofile, nofile)));
        process.put("noNewPrivileges", true);
        return process;
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
        rootlessAs.ifPresentOrElse(
                host -> {
                    namespaces.add(new Namespace("user"));
                    linux.put("uidMappings", List.of(mapping(host.uid())));
                    linux.put("gidMappings", List.of(mapping(host.gid())));
                },
                () -> linux.put("resources", Map.of("devices", List.of(new DeviceRule(false, "rwm")))));
        linux.put("namespaces", namespaces);
        linux.put("maskedPaths", OciDefaults.MASKED_PATHS);
        linux.put("readonlyPaths", OciDefaults.READONLY_PATHS);
        return linux;
    }

    private static IdMapping mapping(int hostId) {
        return new IdMapping(0, hostId, 1);
    }

    record Root(String path, boolean readonly) {}

    record Rlimit(String type, long hard, long soft) {}

    record Capabilities(List<String> bounding, List<String> effective, List<String> permitted) {}

    record Namespace(String type) {}

    record DeviceRule(boolean allow, String access) {}

    record IdMapping(int containerID, int hostID, int size) {}
}
