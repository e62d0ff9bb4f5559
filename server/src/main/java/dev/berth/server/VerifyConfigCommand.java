package dev.berth.server;

import dev.berth.server.config.ConfigException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code berth verify-config}: loads and validates the configuration, prints it, and exits. */
@Command(name = "verify-config", description = "Check the configuration and print it.", mixinStandardHelpOptions = true)
final class VerifyConfigCommand implements Callable<Integer> {
    @Mixin
    private ConfigOptions options;

    @Override
    public Integer call() {
        try {
            System.out.println(options.load());
            return 0;
        } catch (ConfigException e) {
            System.err.println("berth: " + e.getMessage());
            return 2;
        }
    }
}
