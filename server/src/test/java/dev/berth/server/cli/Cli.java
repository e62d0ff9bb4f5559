package dev.berth.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.cli.command.CliEnvironment;
import dev.berth.cli.command.CliFactory;
import dev.berth.server.Main;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs {@code berth ...} in this JVM as a user would, through {@link Main} and picocli's {@code execute}, with made-up
 * environment variables, standard input and terminal, and captures what it printed and how it ended. Each instance
 * has its own empty {@code BERTH_CONFIG_DIR}, so nothing a user saved is read or written.
 */
final class Cli {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> env;
    private final String stdin;
    private final boolean terminal;

    private Cli(Map<String, String> env, String stdin, boolean terminal) {
        this.env = Map.copyOf(env);
        this.stdin = stdin;
        this.terminal = terminal;
    }

    /** Signed in by the variables alone. */
    static Cli signedIn(String server, String username, String password) {
        return unsignedIn()
                .with("BERTH_SERVER", server)
                .with("BERTH_USERNAME", username)
                .with("BERTH_PASSWORD", password);
    }

    /** With no sign-in at all: an empty configuration directory and home. */
    static Cli unsignedIn() {
        try {
            Path home = Files.createTempDirectory("berth-cli-home-");
            return new Cli(
                    Map.of(
                            "HOME",
                            home.toString(),
                            "BERTH_CONFIG_DIR",
                            home.resolve("config").toString()),
                    "",
                    false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Cli with(String variable, String value) {
        Map<String, String> changed = new HashMap<>(env);
        changed.put(variable, value);
        return new Cli(changed, stdin, terminal);
    }

    Cli without(String variable) {
        Map<String, String> changed = new HashMap<>(env);
        changed.remove(variable);
        return new Cli(changed, stdin, terminal);
    }

    /** The same, signed in as another user. */
    Cli as(String username, String password) {
        return with("BERTH_USERNAME", username).with("BERTH_PASSWORD", password);
    }

    /** Someone at a terminal who types this. */
    Cli typing(String input) {
        return new Cli(env, input, true);
    }

    /** Standard input from a pipe, no terminal. */
    Cli piping(String input) {
        return new Cli(env, input, false);
    }

    Path configDir() {
        return Path.of(env.get("BERTH_CONFIG_DIR"));
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment environment =
                new CliEnvironment(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), terminal);
        CommandLine berth = Main.command(new CliFactory(environment), args);
        berth.setOut(new PrintWriter(out, true));
        berth.setErr(new PrintWriter(err, true));
        int exit = berth.execute(args);
        return new Result(String.join(" ", args), exit, out.toString(), err.toString());
    }

    /** Runs and expects success. */
    Result ok(String... args) {
        Result result = run(args);
        assertEquals(0, result.exit(), result::describe);
        return result;
    }

    /** What a run printed and how it ended. */
    record Result(String command, int exit, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + describe(), e);
            }
        }

        /** The lines of standard output. */
        List<String> lines() {
            return out.lines().toList();
        }

        /** The rows of a table: the lines after the header and its rule, split on runs of two or more spaces. */
        List<List<String>> rows() {
            return lines().stream()
                    .skip(2)
                    .map(line -> List.of(line.split(" {2,}")))
                    .toList();
        }

        String describe() {
            return "berth " + command + "\nexit " + exit + "\n--- out ---\n" + out + "--- err ---\n" + err;
        }
    }
}
