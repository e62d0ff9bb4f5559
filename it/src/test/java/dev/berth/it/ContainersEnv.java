package dev.berth.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment the clients run in: the variables of the {@code env.sh} that {@code scripts/install-test-deps}
 * writes (private containers.conf, storage.conf, registries.conf and signature policy; see docs/real-clients.md).
 * When the file is missing the script is run once to write it, as {@code bin/test} would have.
 */
final class ContainersEnv {
    private static final Pattern EXPORT = Pattern.compile("^export ([A-Za-z_][A-Za-z0-9_]*)=\"(.*)\"$");

    private ContainersEnv() {}

    /** The variables to add to a client's environment. */
    static Map<String, String> variables() {
        return Holder.VARIABLES;
    }

    /** The directory holding the private configuration, auth.json among it. */
    static Path configDir() {
        String dir = System.getenv("BERTH_CONTAINERS_DIR");
        return Path.of(dir == null || dir.isEmpty() ? "/tmp/berth-containers" : dir);
    }

    private static final class Holder {
        static final Map<String, String> VARIABLES = load(configDir().resolve("env.sh"));
    }

    private static Map<String, String> load(Path envFile) {
        if (!Files.isRegularFile(envFile)) {
            Path script = Path.of(System.getProperty("berth.scripts", "../scripts"), "install-test-deps");
            Command.run(List.of(script.toString(), configDir().toString()), Map.of(), Duration.ofMinutes(5));
        }
        try {
            return parse(Files.readAllLines(envFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + envFile, e);
        }
    }

    /** Reads the {@code export NAME="value"} lines; the script writes nothing else but comments. */
    static Map<String, String> parse(List<String> lines) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher export = EXPORT.matcher(line.strip());
            if (export.matches()) {
                variables.put(export.group(1), export.group(2));
            }
        }
        if (!variables.containsKey("CONTAINERS_CONF")) {
            throw new IllegalStateException("env.sh sets no CONTAINERS_CONF: " + lines);
        }
        return Map.copyOf(variables);
    }
}
