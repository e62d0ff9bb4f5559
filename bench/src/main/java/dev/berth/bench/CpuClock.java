package dev.berth.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time a process has used (user plus system, all threads), from {@code /proc/<pid>/stat}. The work a server
 * does per byte or per request is steadier than its wall-clock rate on a small machine that other jobs share, so the
 * table reports both.
 */
final class CpuClock {
    /** USER_HZ, which Linux fixes at 100 on every architecture it exports to user space. */
    private static final double TICKS_PER_SECOND = 100;

    private final Path stat;

    CpuClock(long pid) {
        this.stat = Path.of("/proc", Long.toString(pid), "stat");
    }

    /** Seconds of CPU used so far, or NaN when the process cannot be read. */
    double seconds() {
        try {
            String line = Files.readString(stat);
            // The command name (field 2) may hold spaces; count fields after its closing parenthesis.
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
