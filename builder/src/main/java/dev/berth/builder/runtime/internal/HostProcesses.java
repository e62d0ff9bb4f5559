package dev.berth.builder.runtime.internal;

import dev.berth.builder.runtime.RuncOptions.HostIdentity;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Small facts and actions on the host: who this process is, short helper commands. */
public final class HostProcesses {

    private static final File DEV_NULL = new File("/dev/null");

    private HostProcesses() {}

    /** The effective user and group of this process (the owner of {@code /proc/self}). */
    public static HostIdentity current() {
        try {
            Path self = Path.of("/proc/self");
            return new HostIdentity(
                    (Integer) Files.getAttribute(self, "unix:uid"), (Integer) Files.getAttribute(self, "unix:gid"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tell who this process runs as", e);
        }
    }

    /**
     * Runs a short command with no input and discarded output, waiting at most {@code limit}; true if it exited 0.
     * Never throws: it serves clean-up, which must go on whatever happens.
     */
    public static boolean runQuietly(List<String> command, Duration limit) {
        boolean interrupted = Thread.interrupted();
        try {
            Process process = new ProcessBuilder(command)
                    .redirectInput(DEV_NULL)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
