package dev.berth.server;

import com.sun.net.httpserver.HttpServer;
import dev.berth.cli.command.CliEnvironment;
import dev.berth.cli.command.CliFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * The training run of {@code bin/berth}'s ahead-of-time cache for the client commands (JEP 483/514/515): runs, in
 * one JVM, what a client command does (picocli parsing and help, reading the sign-in, the HTTP client, JSON, table,
 * JSON and TSV output), so that the JVM records the classes it loads and links and how its methods ran. Every
 * command's help is printed, and a few read commands ask a stand-in management API on a loopback port that answers
 * every request with one made-up resource. Nothing is printed, nothing is written, and no real server is needed.
 *
 * <p>Not a command of {@code berth}: {@code bin/berth} starts it with {@code -XX:AOTCacheOutput} when the jar is
 * newer than the cache (see {@code docs/cli.md}).
 */
public final class ClientTraining {
    private static final byte[] ANSWER = """
            {"value":[{"id":"training","name":"training","type":"training","sku":{"name":"Basic"},
            "properties":{"loginServer":"training.localhost","creationDate":"2026-01-01T00:00:00Z"}}],
            "name":"training","id":"training"}""".getBytes(StandardCharsets.UTF_8);

    private static final List<List<String>> READS = List.of(
            List.of("list"),
            List.of("list", "-o", "json"),
            List.of("list", "-o", "tsv"),
            List.of("show", "-n", "training"),
            List.of("repository", "list", "-r", "training"),
            List.of("token", "list", "-r", "training"),
            List.of("webhook", "list", "-r", "training"),
            List.of("user", "list"),
            List.of("role", "list"));

    private ClientTraining() {}

    public static void main(String[] args) throws IOException {
        HttpServer api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        api.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, ANSWER.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(ANSWER);
            }
        });
        api.start();
        try {
            CliEnvironment environment = new CliEnvironment(
                    Map.of(
                            "BERTH_SERVER", "127.0.0.1:" + api.getAddress().getPort(),
                            "BERTH_USERNAME", "training",
                            "BERTH_PASSWORD", "training",
                            "BERTH_INSECURE", "true"),
                    new ByteArrayInputStream(new byte[0]),
                    false);
            printEveryHelp(Main.command(new CliFactory(environment)));
            run(environment, List.of("--help"));
            for (List<String> read : READS) {
                run(environment, read);
            }
        } finally {
            api.stop(0);
        }
    }

    /** Every command's usage, from one tree (building the tree is itself part of what is trained). */
    private static void printEveryHelp(CommandLine line) {
        line.usage(new PrintWriter(Writer.nullWriter()));
        line.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandName().equals(name)) {
                printEveryHelp(sub);
            }
        });
    }

    private static void run(CliEnvironment environment, List<String> args) {
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        String[] arguments = args.toArray(String[]::new);
        Main.command(new CliFactory(environment), arguments)
                .setOut(nowhere)
                .setErr(nowhere)
                .execute(arguments);
    }
}
