package dev.berth.server;

import dev.berth.server.config.BerthConfig;
import dev.berth.server.config.ConfigException;
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
        Berth berth = Berth.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("berth: shutting down");
                            berth.close();
                            stopped.countDown();
                        },
                        "berth-shutdown"));
        System.out.printf(
                "berth: listening on http://%s:%d%n",
                displayHost(config), berth.address().getPort());
        System.out.printf("berth: data in %s%n", berth.dataDir());
        System.out.printf(
                "berth: try: skopeo copy --dest-tls-verify=false oci:DIR docker://localhost:%d/app:1%n",
                berth.address().getPort());
        System.out.flush();
        stopped.await();
        return 0;
    }

    private static String displayHost(BerthConfig config) {
        String host = config.server().host();
        return host.equals("0.0.0.0") ? "localhost" : host;
    }
}
