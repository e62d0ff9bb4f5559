package dev.berth.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The client side of the {@code berth} command ({@code berth login}), run from the shaded jar as a user runs it,
 * with its own configuration directory ({@code BERTH_CONFIG_DIR}) so the tests never touch the user's.
 */
final class BerthCli {
    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    private static final Path CONFIG_DIR = configDir();

    private BerthCli() {}

    /** Runs {@code berth ARGS}; fails with its output unless it exits 0. */
    static Command.Result run(String... args) {
        return Command.run(command(args), env(), TIMEOUT);
    }

    /** Runs {@code berth ARGS} and returns however it ended. */
    static Command.Result attempt(String... args) {
        return Command.attempt(command(args), env(), TIMEOUT);
    }

    private static Map<String, String> env() {
        return Map.of("BERTH_CONFIG_DIR", CONFIG_DIR.toString());
    }

    private static Path configDir() {
        Path dir = TempDirs.create("berth-it-cli-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> TempDirs.delete(dir)));
        return dir;
    }

    private static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(
                BerthProcess.javaExecutable(), "-jar", BerthProcess.jar().toString()));
        command.addAll(List.of(args));
        return command;
    }
}
