package dev.berth.builder.runtime.runc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link RuncRuntime} finds and calls {@code runc}.
 *
 * @param runc the runc binary
 * @param workDir where bundles ({@code config.json} per run) and runc's private state live; outside every rootfs
 * @param commandPrefix words put before every runc command, to run runc as another user (for example {@code setpriv
 *     --reuid=65534 --regid=65534 --clear-groups}); empty to run it as this process
 * @param runAs the host identity runc runs as when a prefix changes it; empty means this process's own. Rootless mode
 *     (a user namespace mapping this identity to root) is used whenever it is not root
 * @param mountRoot where id-mapped views of root filesystems and binds are mounted while a container runs (as root);
 *     every directory above it must be searchable by others, since the container's unprivileged root resolves the
 *     path ({@code /run/berth/mounts} by default)
 * @param hostIds the unprivileged host id ranges containers' users map to (as root)
 */
public record RuncOptions(
        Path runc,
        Path workDir,
        List<String> commandPrefix,
        Optional<HostIdentity> runAs,
        Path mountRoot,
        HostIdSlots hostIds) {

    /** The default {@link #mountRoot()}. */
    public static final Path DEFAULT_MOUNT_ROOT = Path.of("/run/berth/mounts");

    /** Where Debian installs runc, used when it is not on the {@code PATH}. */
    public static final Path DEBIAN_RUNC = Path.of("/usr/sbin/runc");

    public RuncOptions {
        Objects.requireNonNull(runc, "runc");
        Objects.requireNonNull(workDir, "workDir");
        commandPrefix = List.copyOf(commandPrefix);
        Objects.requireNonNull(runAs, "runAs");
        Objects.requireNonNull(mountRoot, "mountRoot");
        Objects.requireNonNull(hostIds, "hostIds");
    }

    /** runc from the {@code PATH} (or {@link #DEBIAN_RUNC}), run as this process, working under {@code workDir}. */
    public static RuncOptions defaults(Path workDir) {
        return new RuncOptions(
                findRunc(), workDir, List.of(), Optional.empty(), DEFAULT_MOUNT_ROOT, HostIdSlots.defaults());
    }

    public RuncOptions withRunc(Path binary) {
        return new RuncOptions(binary, workDir, commandPrefix, runAs, mountRoot, hostIds);
    }

    /** Runs runc through {@code prefix}, which makes it run as {@code identity} on the host. */
    public RuncOptions runningAs(List<String> prefix, HostIdentity identity) {
        return new RuncOptions(runc, workDir, prefix, Optional.of(identity), mountRoot, hostIds);
    }

    /** Maps containers' users to these host id ranges. */
    public RuncOptions withHostIds(HostIdSlots slots) {
        return new RuncOptions(runc, workDir, commandPrefix, runAs, mountRoot, slots);
    }

    private static Path findRunc() {
        String path = Objects.requireNonNullElse(System.getenv("PATH"), "");
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "runc"))) {
                return Path.of(dir, "runc");
            }
        }
        return DEBIAN_RUNC;
    }

    /** A user and group id on the host. */
    public record HostIdentity(int uid, int gid) {
        public boolean isRoot() {
            return uid == 0;
        }
    }
}
