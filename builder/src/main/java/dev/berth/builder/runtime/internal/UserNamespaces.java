package dev.berth.builder.runtime.internal;

import dev.berth.builder.runtime.BuildRuntimeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Whether an unprivileged user may create a user namespace here, which rootless runc needs. Checks the two kernel
 * switches that forbid it, then tries for real with {@code unshare -U}, run as the user runc will run as.
 */
public final class UserNamespaces {

    static final Path MAX_USER_NAMESPACES = Path.of("/proc/sys/user/max_user_namespaces");
    static final Path UNPRIVILEGED_CLONE = Path.of("/proc/sys/kernel/unprivileged_userns_clone");

    private UserNamespaces() {}

    /**
     * @param asUser the command prefix that runs a command as the user runc runs as (empty for this process)
     * @throws BuildRuntimeException saying which check failed and what to change
     */
    public static void requireAvailable(List<String> asUser) throws BuildRuntimeException {
        Optional<String> problem = switchOff(MAX_USER_NAMESPACES, MAX_USER_NAMESPACES + " is 0")
                .or(() -> switchOff(UNPRIVILEGED_CLONE, "kernel.unprivileged_userns_clone is 0"))
                .or(() -> tryUnshare(asUser));
        if (problem.isPresent()) {
            throw new BuildRuntimeException("cannot run builds: not root, and rootless runc needs unprivileged user"
                    + " namespaces, which this machine does not allow (" + problem.get() + "). Run as root, or"
                    + " enable them (sysctl user.max_user_namespaces=15000 kernel.unprivileged_userns_clone=1).");
        }
    }

    private static Optional<String> switchOff(Path file, String problem) {
        try {
            return Files.readString(file).trim().equals("0") ? Optional.of(problem) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> tryUnshare(List<String> asUser) {
        List<String> command = new ArrayList<>(asUser);
        command.addAll(List.of("unshare", "--user", "--map-root-user", "true"));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.of("unshare -U did not finish");
            }
            return process.exitValue() == 0 ? Optional.empty() : Optional.of("unshare -U failed: " + output);
        } catch (IOException e) {
            return Optional.of("cannot run unshare: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while trying unshare -U");
        }
    }
}
