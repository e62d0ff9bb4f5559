package dev.berth.builder.runtime.runc;

import dev.berth.builder.runtime.Limit;
import dev.berth.builder.runtime.ResourceLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cgroup v1 groups of one run: {@code <Berth's group>/berth/<id>} in the pids, memory and cpuacct hierarchies
 * carry the limits and outlive the container, so their counters can be read after runc has removed the container's
 * own group ({@code berth/<id>/run}, made by runc from {@code cgroupsPath}) beneath them.
 *
 * <pre>
 * /sys/fs/cgroup/pids/&lt;own&gt;/berth/&lt;id&gt;/       pids.max, pids.peak
 * /sys/fs/cgroup/memory/&lt;own&gt;/berth/&lt;id&gt;/     memory.limit_in_bytes, memory.memsw.limit_in_bytes, OOM eventfd
 * /sys/fs/cgroup/cpuacct/&lt;own&gt;/berth/&lt;id&gt;/    cpuacct.usage
 *                                  .../run/       the container (runc's), in every hierarchy
 * </pre>
 */
final class RunCgroup implements ResourceUsage {
    private final CgroupHierarchies hierarchies;
    private final String id;
    private final ResourceLimits limits;
    private Optional<OomEvents> oomEvents = Optional.empty();
    private volatile boolean outOfMemory;

    private RunCgroup(CgroupHierarchies hierarchies, String id, ResourceLimits limits) {
        this.hierarchies = hierarchies;
        this.id = id;
        this.limits = limits;
    }

    /** Makes the run's groups with its limits written, before the container starts. */
    static RunCgroup create(CgroupHierarchies hierarchies, String id, ResourceLimits limits) throws IOException {
        RunCgroup group = new RunCgroup(hierarchies, id, limits);
        try {
            for (String controller : CgroupHierarchies.CONTROLLERS) {
                Files.createDirectories(group.dir(controller));
            }
            if (limits.limits(Limit.PROCESSES)) {
                write(group.dir("pids").resolve("pids.max"), limits.processes());
            }
            if (limits.limits(Limit.MEMORY)) {
                Path memory = group.dir("memory");
                write(memory.resolve("memory.limit_in_bytes"), limits.memoryBytes());
                if (Files.exists(memory.resolve("memory.memsw.limit_in_bytes"))) {
                    write(memory.resolve("memory.memsw.limit_in_bytes"), limits.memoryBytes());
                }
                group.oomEvents = Optional.of(OomEvents.register(memory));
            }
            return group;
        } catch (IOException e) {
            group.remove();
            throw new IOException("cannot set up the run's cgroups: " + e.getMessage(), e);
        }
    }

    /** The container's group for runc's {@code cgroupsPath}: relative, so runc puts it under Berth's own groups. */
    String runcPath() {
        return "berth/" + id + "/run";
    }

    @Override
    public Optional<Limit> exceeded() {
        if (ranOutOfMemory()) {
            return Optional.of(Limit.MEMORY);
        }
        if (limits.limits(Limit.PROCESSES) && read(dir("pids").resolve("pids.peak")) >= limits.processes()) {
            return Optional.of(Limit.PROCESSES);
        }
        if (limits.limits(Limit.CPU_TIME)
                && read(dir("cpuacct").resolve("cpuacct.usage"))
                        >= limits.cpuTime().toNanos()) {
            return Optional.of(Limit.CPU_TIME);
        }
        return Optional.empty();
    }

    @Override
    public List<Long> processes() {
        List<Long> pids = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(dir("pids").resolve("run/cgroup.procs"))) {
                if (!line.isBlank()) {
                    pids.add(Long.parseLong(line.trim()));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the container has not started or has ended
        }
        return pids;
    }

    /** Removes the run's groups in every hierarchy (runc's, if left, first); quiet, for clean-up paths. */
    void remove() {
        oomEvents.ifPresent(OomEvents::close);
        for (Path own : hierarchies.everyOwn()) {
            Path group = own.resolve("berth").resolve(id);
            deleteQuietly(group.resolve("run"));
            deleteQuietly(group);
        }
    }

    private boolean ranOutOfMemory() {
        if (!outOfMemory && oomEvents.isPresent() && oomEvents.get().happened()) {
            outOfMemory = true;
        }
        return outOfMemory;
    }

    private Path dir(String controller) {
        return hierarchies.own(controller).resolve("berth").resolve(id);
    }

    private static void write(Path file, long value) throws IOException {
        Files.writeString(file, Long.toString(value));
    }

    private static long read(Path file) {
        try {
            return Long.parseLong(Files.readString(file).trim());
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    private static void deleteQuietly(Path group) {
        try {
            Files.deleteIfExists(group);
        } catch (IOException e) {
            // still busy or already gone: nothing more to do
        }
    }
}
