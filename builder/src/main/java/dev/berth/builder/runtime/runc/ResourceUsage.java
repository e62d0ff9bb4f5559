package dev.berth.builder.runtime.runc;

import dev.berth.builder.runtime.Limit;
import java.util.List;
import java.util.Optional;

/** How the runtime reads what a running container uses: cgroup counters ({@link RunCgroup}) or its process tree. */
interface ResourceUsage {

    /** The limit the container has gone past by the counters of this mechanism, if any. */
    Optional<Limit> exceeded();

    /** The host pids of the container's processes now (empty before it starts and after it ends). */
    List<Long> processes();
}
