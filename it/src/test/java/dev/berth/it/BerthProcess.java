package dev.berth.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Berth as a process of its own, from the shaded jar ({@code berth serve}), on a port it picks itself: ready once it
 * has printed {@code berth: listening on ...} and answers {@code GET /v2/}. Its output goes to a log file. {@link
 * #kill} is {@code kill -9}; closing kills it too if it is still alive.
 */
final class BerthProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("berth: listening on http://[^\\s]+:(\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path log;
    private final Thread killOnExit;
    private int port;

    private BerthProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.killOnExit = new Thread(process::destroyForcibly, "berth-it-kill-" + process.pid());
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** Starts Berth on the data directory and waits until it serves. */
    static BerthProcess start(Path dataDir, Path log) throws IOException, InterruptedException {
        return start(dataDir, log, List.of());
    }

    /** As {@link #start(Path, Path)}, with more options for {@code berth serve}; plain HTTP must stay on. */
    static BerthProcess start(Path dataDir, Path log, List<String> serveOptions)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                javaExecutable(),
                "-Xmx256m",
                "-jar",
                jar().toString(),
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--data-dir",
                dataDir.toString()));
        command.addAll(serveOptions);
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("BERTH_"));
        builder.environment().put("BERTH_AUTH_ENABLED", "false");
        builder.environment().put("BERTH_EGRESS_ALLOW", "127.0.0.0/8,::1");
        BerthProcess berth = new BerthProcess(builder.start(), log);
        try {
            berth.awaitReady();
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            berth.close();
            throw e;
        }
        return berth;
    }

    String host() {
        return "127.0.0.1:" + port;
    }

    RegistryClient client() {
        return new RegistryClient(URI.create("http://" + host()));
    }

    /** Sends SIGKILL and waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new AssertionError("Berth (pid " + process.pid() + ") did not die on SIGKILL");
        }
    }

    /** Sends SIGTERM, as Ctrl-C or a service manager would, and returns the exit code once the process is gone. */
    int terminate(Duration within) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("Berth (pid " + process.pid() + ") did not stop on SIGTERM within " + within);
        }
        return process.exitValue();
    }

    /** What Berth printed so far, for failure messages. */
    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while ((port = listeningPort()) == 0) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("Berth did not start (alive: " + process.isAlive() + "):\n" + output());
            }
            Thread.sleep(20);
        }
        RegistryClient registry = client();
        while (!answers(registry)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("Berth does not answer GET /v2/:\n" + output());
            }
            Thread.sleep(20);
        }
    }

    private int listeningPort() {
        Matcher matcher = LISTENING.matcher(output());
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    private static boolean answers(RegistryClient registry) {
        try {
            return registry.get("/v2/").status() == 200;
        } catch (UncheckedIOException notYet) {
            return false;
        }
    }

    /** The java of this JVM, to run the shaded jar with. */
    static String javaExecutable() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The shaded jar, as copied once per JVM. */
    static Path jar() {
        return JarHolder.JAR;
    }

    /**
     * A copy of the shaded jar taken once per JVM, so every start and restart runs the same build even if the
     * reactor rewrites {@code server/target} meanwhile.
     */
    private static final class JarHolder {
        static final Path JAR = snapshot();

        private static Path snapshot() {
            Path jar = Path.of(System.getProperty("berth.jar", "../server/target/berth.jar"))
                    .toAbsolutePath();
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing; build it with: mvn -pl it -am verify");
            }
            Path dir = TempDirs.create("berth-it-jar-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> TempDirs.delete(dir), "berth-it-jar-cleanup"));
            try {
                return Files.copy(jar, dir.resolve("berth.jar"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot copy " + jar, e);
            }
        }
    }
}
