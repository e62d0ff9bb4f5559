package dev.berth.builder.runtime.runc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * This process's hard rlimits, read from {@code /proc/self/limits}: runc cannot give a container more than these
 * without {@code CAP_SYS_RESOURCE} ("error setting rlimit type 7"), so a container's limits are lowered to them.
 */
record HostRlimits(Map<String, Long> hard) {

    private static final Map<String, String> NAMES = Map.of(
            "Max open files", "RLIMIT_NOFILE",
            "Max file size", "RLIMIT_FSIZE",
            "Max cpu time", "RLIMIT_CPU",
            "Max processes", "RLIMIT_NPROC");

    HostRlimits {
        hard = Map.copyOf(hard);
    }

    static HostRlimits ofThisProcess() {
        Map<String, Long> hard = new HashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                NAMES.forEach((label, name) -> {
                    if (line.startsWith(label)) {
                        hard.put(
                                name,
                                parse(line.substring(label.length()).trim().split("\\s+")[1]));
                    }
                });
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or an unexpected format: ask for what is wanted and let runc say if it cannot
        }
        return new HostRlimits(hard);
    }

    /** Hard limits with just the open-files one given (for tests). */
    static HostRlimits withNofile(long nofile) {
        return new HostRlimits(Map.of("RLIMIT_NOFILE", nofile));
    }

    /** {@code wanted}, lowered to this process's hard limit of {@code type}. */
    long atMost(String type, long wanted) {
        return Math.min(wanted, hard.getOrDefault(type, Long.MAX_VALUE));
    }

    private static long parse(String value) {
        return value.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(value);
    }
}
