package dev.berth.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.cli.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The CLI's own configuration, {@code cli.json} in {@code $BERTH_CONFIG_DIR}, else in {@code
 * $XDG_CONFIG_HOME/berth}, else in {@code ~/.config/berth}: one sign-in, written by {@code berth login} with mode
 * 0600, since it holds a password.
 *
 * <pre>{@code
 * {"server": "https://registry.example.com", "username": "alice", "password": "...",
 *  "insecure": false, "caFile": "/etc/berth/ca.pem"}
 * }</pre>
 */
public final class CliConfigFile {
    static final String FILE_NAME = "cli.json";

    private final Path path;

    public CliConfigFile(Path path) {
        this.path = path;
    }

    public static CliConfigFile locate(Map<String, String> env) {
        String explicit = env.get("BERTH_CONFIG_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return new CliConfigFile(Path.of(explicit, FILE_NAME));
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return new CliConfigFile(Path.of(xdg, "berth", FILE_NAME));
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return new CliConfigFile(Path.of(home, ".config", "berth", FILE_NAME));
    }

    public Path path() {
        return path;
    }

    /** The saved sign-in, or empty when there is no file. */
    public Optional<SavedSignIn> read() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        ObjectNode config = Json.parseObject(bytes);
        String server = text(config, "server");
        if (server.isEmpty()) {
            return Optional.empty();
        }
        Optional<Path> caFile =
                Optional.of(text(config, "caFile")).filter(s -> !s.isEmpty()).map(Path::of);
        return Optional.of(new SavedSignIn(
                server,
                text(config, "username"),
                text(config, "password"),
                config.path("insecure").asBoolean(false),
                caFile));
    }

    /** Replaces the file with this sign-in, atomically and readable only by the owner. */
    public void write(SavedSignIn signIn) throws IOException {
        ObjectNode config = Json.object()
                .put("server", signIn.server())
                .put("username", signIn.username())
                .put("password", signIn.password())
                .put("insecure", signIn.insecure());
        signIn.caFile()
                .ifPresent(file -> config.put("caFile", file.toAbsolutePath().toString()));
        PrivateFiles.write(path, Json.print(config, "  "));
    }

    /** Whether the file is readable by its owner only. */
    public boolean isPrivate() throws IOException {
        return PrivateFiles.isOwnerOnly(path);
    }

    private static String text(JsonNode config, String field) {
        JsonNode value = config.path(field);
        return value.isTextual() ? value.asText() : "";
    }
}
