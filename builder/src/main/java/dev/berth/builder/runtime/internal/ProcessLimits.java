package dev.berth.builder.runtime.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's hard open-files limit, read from {@code /proc/self/limits}: runc cannot raise a container's limit
 * above it without {@code CAP_SYS_RESOURCE} ("error setting rlimit type 7").
 */
public final class ProcessLimits {

    private ProcessLimits() {}

    /** The hard limit on open files, or {@link Long#MAX_VALUE} when unlimited or unknown. */
    public static long hardNofile() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    return parse(
                            line.substring("Max open files".length()).trim().split("\\s+")[1]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or an unexpected format: ask for the default and let runc say if it cannot
        }
        return Long.MAX_VALUE;
    }

    private static long parse(String value) {
        return value.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(value);
    }
}
