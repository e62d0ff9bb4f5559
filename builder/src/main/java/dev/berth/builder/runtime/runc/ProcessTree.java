package dev.berth.builder.runtime.runc;

import dev.berth.builder.runtime.Limit;
import dev.berth.builder.runtime.ResourceLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * What a container uses, read from {@code /proc} for hosts without usable cgroups: its processes are its init (from
 * runc's pid file) and every descendant; threads count as processes (as the pids controller counts them), CPU time
 * is each live process's own plus its reaped children's, memory the sum of resident sets. Polled, so a limit is seen
 * within one poll interval rather than enforced by the kernel.
 */
final class ProcessTree implements ResourceUsage {
    private static final long CLOCK_TICKS = 100;
    private static final long PAGE_SIZE = 4096;

    private final Path pidFile;
    private final ResourceLimits limits;

    ProcessTree(Path pidFile, ResourceLimits limits) {
        this.pidFile = pidFile;
        this.limits = limits;
    }

    @Override
    public Optional<Limit> exceeded() {
        List<Long> pids = processes();
        if (pids.isEmpty()) {
            return Optional.empty();
        }
        if (limits.limits(Limit.PROCESSES) && sum(pids, ProcessTree::threads) > limits.processes()) {
            return Optional.of(Limit.PROCESSES);
        }
        if (limits.limits(Limit.MEMORY) && sum(pids, ProcessTree::residentBytes) > limits.memoryBytes()) {
            return Optional.of(Limit.MEMORY);
        }
        if (limits.limits(Limit.CPU_TIME)
                && sum(pids, ProcessTree::cpuNanos) >= limits.cpuTime().toNanos()) {
            return Optional.of(Limit.CPU_TIME);
        }
        return Optional.empty();
    }

    @Override
    public List<Long> processes() {
        Optional<Long> init = init();
        if (init.isEmpty()) {
            return List.of();
        }
        List<Long> found = new ArrayList<>();
        Deque<Long> pending = new ArrayDeque<>(List.of(init.get()));
        while (!pending.isEmpty() && found.size() < 100_000) {
            long pid = pending.pop();
            found.add(pid);
            pending.addAll(children(pid));
        }
        return found;
    }

    private Optional<Long> init() {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static List<Long> children(long pid) {
        List<Long> children = new ArrayList<>();
        try (var tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                for (String child :
                        Files.readString(task.resolve("children")).trim().split("\\s+")) {
                    if (!child.isEmpty()) {
                        children.add(Long.parseLong(child));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process has ended
        }
        return children;
    }

    private static long threads(long pid) {
        return statusField(pid, "Threads:");
    }

    private static long residentBytes(long pid) {
        String[] statm = read(pid, "statm").split("\\s+");
        return statm.length > 1 ? Long.parseLong(statm[1]) * PAGE_SIZE : 0;
    }

    /** utime + stime + cutime + cstime (fields 14 to 17 of {@code stat}, counted after the command's parentheses). */
    private static long cpuNanos(long pid) {
        String stat = read(pid, "stat");
        int end = stat.lastIndexOf(')');
        if (end < 0) {
            return 0;
        }
        String[] fields = stat.substring(end + 2).split("\\s+");
        long ticks = 0;
        for (int field = 11; field <= 14 && field < fields.length; field++) {
            ticks += Long.parseLong(fields[field]);
        }
        return ticks * (1_000_000_000L / CLOCK_TICKS);
    }

    private static long statusField(long pid, String name) {
        for (String line : read(pid, "status").split("\n")) {
            if (line.startsWith(name)) {
                return Long.parseLong(line.substring(name.length()).trim());
            }
        }
        return 0;
    }

    /** Sums a per-process figure, counting a process that ended meanwhile as zero. */
    static long sum(List<Long> pids, PerProcess figure) {
        long total = 0;
        for (long pid : pids) {
            try {
                total += figure.of(pid);
            } catch (RuntimeException e) {
                // ended between listing and reading
            }
        }
        return total;
    }

    static String read(long pid, String file) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), file));
        } catch (IOException e) {
            return "";
        }
    }

    /** One number about one process. */
    interface PerProcess {
        long of(long pid);
    }
}
