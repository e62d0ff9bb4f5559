package dev.berth.server;

import dev.berth.server.config.BerthConfig;
import dev.berth.server.config.ConfigException;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code berth serve}: runs Berth until SIGTERM or Ctrl-C, then shuts down gracefully. */
@Command(name = "serve", description = "Start Berth.", mixinStandardHelpOptions = true)
final class ServeCommand implements Callable<Integer> {
    @Mixin
    private ConfigOptions options;

    @Override
    public Integer call() throws Exception {
        BerthConfig config;
        try {
            config = options.load();
        } catch (ConfigException e) {
            System.err.println("berth: " + e.getMessage());
            return 2;
        }
        Logging.configure(config.log().level());
        Berth berth;
        try {
            berth = Berth.start(config);
        } catch (IOException e) {
            // A data directory in use, an unreadable certificate or key: the message says which.
            System.err.println("berth: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("berth: shutting down");
                            berth.close();
                            stopped.countDown();
                        },
                        "berth-shutdown"));
        StartupBanner.print(System.out, config, berth);
        stopped.await();
        return 0;
    }
}
