package dev.berth.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external command to completion with a timeout, capturing what it printed. {@link #run} fails the test with
 * the command's output when it exits non-zero or overruns; {@link #attempt} only reports, for clean-up.
 */
final class Command {
    private Command() {}

    /** What a finished command printed, and how it exited. */
    record Result(List<String> command, int exitCode, byte[] stdout, String stderr) {
        String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        String describe() {
            return String.join(" ", command) + "\nexit code " + exitCode + "\n--- stdout ---\n" + out()
                    + "\n--- stderr ---\n" + stderr;
        }
    }

    /** Runs the command; fails with its output unless it exits 0 within the timeout. */
    static Result run(List<String> command, Map<String, String> env, Duration timeout) {
        Result result = attempt(command, env, timeout);
        if (result.exitCode() != 0) {
            throw new AssertionError("command failed: " + result.describe());
        }
        return result;
    }

    /** Runs the command and returns however it ended; a timeout shows as exit code -1. */
    static Result attempt(List<String> command, Map<String, String> env, Duration timeout) {
        try {
            Path out = Files.createTempFile("berth-it-cmd", ".out");
            Path err = Files.createTempFile("berth-it-cmd", ".err");
            try {
                int exitCode = execute(command, env, timeout, out, err);
                return new Result(List.copyOf(command), exitCode, Files.readAllBytes(out), Files.readString(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        }
    }

    private static int execute(List<String> command, Map<String, String> env, Duration timeout, Path out, Path err)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
            Files.writeString(err, "\n[timed out after " + timeout + "]", StandardOpenOption.APPEND);
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } finally {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }
}
