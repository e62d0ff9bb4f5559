package dev.berth.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The client side of the {@code berth} command ({@code berth login}), run from the shaded jar as a user runs it. */
final class BerthCli {
    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    private BerthCli() {}

    /** Runs {@code berth ARGS}; fails with its output unless it exits 0. */
    static Command.Result run(String... args) {
        return Command.run(command(args), Map.of(), TIMEOUT);
    }

    /** Runs {@code berth ARGS} and returns however it ended. */
    static Command.Result attempt(String... args) {
        return Command.attempt(command(args), Map.of(), TIMEOUT);
    }

    private static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(
                BerthProcess.javaExecutable(), "-jar", BerthProcess.jar().toString()));
        command.addAll(List.of(args));
        return command;
    }
}
