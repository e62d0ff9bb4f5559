package dev.berth.tasks;

import dev.berth.core.runs.OutputImage;
import dev.berth.core.runs.Run;
import dev.berth.core.runs.RunArgument;
import dev.berth.core.runs.RunLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An executor for tests: writes a few lines (listing the context's files), waits as long as told, and returns the
 * outcome it was given: pushed images named after the request's image names, or a failure. A run may script
 * itself: build arguments {@code SLEEP_MS} and {@code FAIL}, or a quick run's cmd {@code sleep <ms>}, {@code fail
 * <message>} or {@code print <bytes>} (numbered lines written as a process's output, in 8 KiB chunks).
 */
public final class ScriptedExecutor implements RunExecutor {
    private final List<String> executed = new CopyOnWriteArrayList<>();
    private final Map<String, List<String>> contexts = new ConcurrentHashMap<>();
    private volatile Duration work = Duration.ZERO;
    private volatile String failure;
    private volatile boolean sawCancel;

    /** Each run takes this long (interrupted by cancel or timeout). */
    public ScriptedExecutor taking(Duration duration) {
        this.work = duration;
        return this;
    }

    /** Each run fails with this message. */
    public ScriptedExecutor failingWith(String message) {
        this.failure = message;
        return this;
    }

    @Override
    public RunOutcome execute(Run run, Path context, RunLog log, Cancellation cancel) throws Exception {
        executed.add(run.id());
        List<String> files;
        try (var walk = Files.walk(context)) {
            files = walk.filter(Files::isRegularFile)
                    .map(p -> context.relativize(p).toString())
                    .sorted()
                    .toList();
        }
        contexts.put(run.id(), files);
        log.line("Step 1/2 : context holds " + files);
        cancel.onCancel(() -> sawCancel = true);
        Optional<String> print = script(run, "PRINT", "print");
        if (print.isPresent()) {
            print(log, Long.parseLong(print.get()));
        }
        Thread.sleep(script(run, "SLEEP_MS", "sleep")
                .map(Long::parseLong)
                .map(Duration::ofMillis)
                .orElse(work));
        log.line("Step 2/2 : done");
        String fail = script(run, "FAIL", "fail").orElse(failure);
        if (fail != null) {
            return RunOutcome.failed(fail);
        }
        return RunOutcome.succeeded(run.request().imageNames().stream()
                .map(name -> new OutputImage(
                        "r.localhost", name.split(":")[0], name.split(":")[1], "sha256:" + "0".repeat(64)))
                .toList());
    }

    private static void print(RunLog log, long total) throws java.io.IOException {
        StringBuilder chunk = new StringBuilder();
        long written = 0;
        for (int i = 0; written < total; i++) {
            chunk.append("printed line ").append(i).append('\n');
            if (chunk.length() >= 8192) {
                byte[] bytes = chunk.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                log.write(bytes);
                written += bytes.length;
                chunk.setLength(0);
            }
        }
    }

    private static Optional<String> script(Run run, String argument, String verb) {
        String cmd = run.request().cmd();
        if (cmd.startsWith(verb + " ")) {
            return Optional.of(cmd.substring(verb.length() + 1));
        }
        return run.request().arguments().stream()
                .filter(a -> a.name().equals(argument))
                .map(RunArgument::value)
                .findFirst();
    }

    public List<String> executed() {
        return executed;
    }

    public List<String> context(String runId) {
        return contexts.get(runId);
    }

    public boolean sawCancel() {
        return sawCancel;
    }
}
