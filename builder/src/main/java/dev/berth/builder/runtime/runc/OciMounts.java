package dev.berth.builder.runtime.runc;

import dev.berth.builder.runtime.NetworkMode;
import dev.berth.builder.runtime.RunMount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code mounts} of a build container's runtime config. */
final class OciMounts {

    private OciMounts() {}

    static List<Map<String, Object>> of(NetworkMode network, List<RunMount> extra, UserMapping users) {
        List<Map<String, Object>> mounts = new ArrayList<>(system(network, users));
        if (network == NetworkMode.HOST) {
            mounts.add(bind("/etc/resolv.conf", "/etc/resolv.conf", true));
            mounts.add(bind("/etc/hosts", "/etc/hosts", true));
        }
        for (RunMount mount : extra) {
            mounts.add(extra(mount));
        }
        return mounts;
    }

    /**
     * In a user namespace sysfs can be mounted only over a network namespace of its own, and cgroupfs not at all, so
     * without one {@code /sys} is the host's bound read-only (masked as usual) and there is no {@code /sys/fs/cgroup}.
     */
    private static List<Map<String, Object>> system(NetworkMode network, UserMapping users) {
        boolean rootless = users.isRootless();
        boolean bindSys = rootless || (users.hasUserNamespace() && network == NetworkMode.HOST);
        List<Map<String, Object>> mounts = new ArrayList<>();
        mounts.add(mount("/proc", "proc", "proc", List.of("nosuid", "noexec", "nodev")));
        mounts.add(mount("/dev", "tmpfs", "tmpfs", List.of("nosuid", "strictatime", "mode=755", "size=65536k")));
        List<String> devpts = new ArrayList<>(List.of("nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620"));
        if (!rootless) {
            devpts.add("gid=5");
        }
        mounts.add(mount("/dev/pts", "devpts", "devpts", devpts));
        mounts.add(mount("/dev/shm", "tmpfs", "shm", List.of("nosuid", "noexec", "nodev", "mode=1777", "size=65536k")));
        mounts.add(mount("/dev/mqueue", "mqueue", "mqueue", List.of("nosuid", "noexec", "nodev")));
        if (bindSys) {
            mounts.add(mount("/sys", "none", "/sys", List.of("rbind", "nosuid", "noexec", "nodev", "ro")));
        } else {
            mounts.add(mount("/sys", "sysfs", "sysfs", List.of("nosuid", "noexec", "nodev", "ro")));
        }
        if (!users.hasUserNamespace()) {
            mounts.add(mount(
                    "/sys/fs/cgroup", "cgroup", "cgroup", List.of("nosuid", "noexec", "nodev", "relatime", "ro")));
        }
        return mounts;
    }

    private static Map<String, Object> extra(RunMount mount) {
        return switch (mount) {
            case RunMount.Bind b -> bind(b.source().toAbsolutePath().toString(), b.target(), b.readOnly());
            case RunMount.Tmpfs t -> mount(t.target(), "tmpfs", "tmpfs", tmpfsOptions(t));
        };
    }

    private static List<String> tmpfsOptions(RunMount.Tmpfs tmpfs) {
        List<String> options = new ArrayList<>(List.of("nosuid", "nodev", "mode=1777"));
        if (tmpfs.sizeBytes() > 0) {
            options.add("size=" + tmpfs.sizeBytes());
        }
        return options;
    }

    private static Map<String, Object> bind(String source, String target, boolean readOnly) {
        return mount(target, "bind", source, List.of("rbind", "nosuid", "nodev", readOnly ? "ro" : "rw"));
    }

    private static Map<String, Object> mount(String target, String type, String source, List<String> options) {
        Map<String, Object> mount = new LinkedHashMap<>();
        mount.put("destination", target);
        mount.put("type", type);
        mount.put("source", source);
        mount.put("options", options);
        return mount;
    }
}
