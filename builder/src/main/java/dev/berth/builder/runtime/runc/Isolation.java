package dev.berth.builder.runtime.runc;

import dev.berth.builder.runtime.RunMount;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the runtime decided for one run beyond its {@code RunSpec}: the user mapping, where runc finds the root and
 * the binds (id-mapped copies of the spec's when ids are shifted), the container's cgroup, and this process's hard
 * rlimits, which the container's may not exceed (raising them needs {@code CAP_SYS_RESOURCE}).
 */
record Isolation(
        UserMapping users, Path root, List<RunMount> mounts, Optional<String> cgroupsPath, HostRlimits ceilings) {

    Isolation {
        mounts = List.copyOf(mounts);
    }

    /** The spec's own root and mounts, no cgroup path: for tests of the config alone. */
    static Isolation plain(UserMapping users, Path root, List<RunMount> mounts, HostRlimits ceilings) {
        return new Isolation(users, root, mounts, Optional.empty(), ceilings);
    }
}
