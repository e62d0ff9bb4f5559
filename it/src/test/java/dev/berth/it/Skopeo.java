package dev.berth.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * skopeo with the private containers configuration and signature policy. skopeo 1.9 ignores registries.conf, so
 * callers pass {@code --tls-verify=false} (or the src/dest variants) themselves, as a user would.
 */
final class Skopeo {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private Skopeo() {}

    /** Runs {@code skopeo SUBCOMMAND ARGS}; fails with its output unless it succeeds. */
    static Command.Result run(String subcommand, String... args) {
        return Command.run(command(subcommand, args), ContainersEnv.variables(), TIMEOUT);
    }

    /** Runs {@code skopeo SUBCOMMAND ARGS} and returns however it ended, for tests that expect a refusal. */
    static Command.Result attempt(String subcommand, String... args) {
        return Command.attempt(command(subcommand, args), ContainersEnv.variables(), TIMEOUT);
    }

    private static List<String> command(String subcommand, String... args) {
        List<String> command = new ArrayList<>(
                List.of("skopeo", "--policy", ContainersEnv.variables().get("BERTH_SIGNATURE_POLICY"), subcommand));
        command.addAll(List.of(args));
        return command;
    }
}
