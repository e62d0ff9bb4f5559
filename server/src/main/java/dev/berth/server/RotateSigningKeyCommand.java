package dev.berth.server;

import dev.berth.auth.SigningKeys;
import dev.berth.server.config.ConfigException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code berth rotate-signing-key}: adds a new token-signing key to the data directory. Berth signs with it from its
 * next start on; the older keys still verify, so tokens already handed out stay valid until they expire. Remove an
 * old key file by hand once every token it signed has expired (access tokens live minutes, refresh tokens hours).
 */
@Command(
        name = "rotate-signing-key",
        description = "Add a new token-signing key; it signs from the next start, old keys still verify.",
        mixinStandardHelpOptions = true)
final class RotateSigningKeyCommand implements Callable<Integer> {
    @Mixin
    private ConfigOptions options;

    @Override
    public Integer call() {
        try {
            Path dir = options.load().storage().dataDir().resolve("keys").resolve("token-signing");
            java.nio.file.Files.createDirectories(dir);
            SigningKeys.rotate(dir, Clock.systemUTC());
            System.out.println(
                    "berth: added a token-signing key in " + dir.toAbsolutePath() + "; restart Berth to sign with it");
            return 0;
        } catch (ConfigException | IOException e) {
            System.err.println("berth: " + e.getMessage());
            return 1;
        }
    }
}
