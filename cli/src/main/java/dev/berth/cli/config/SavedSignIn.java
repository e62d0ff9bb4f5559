package dev.berth.cli.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The sign-in {@code berth login} leaves for the management commands.
 *
 * @param server where the server answered the sign-in, with the scheme that worked ({@code
 *     http://127.0.0.1:5000})
 * @param insecure whether to accept any certificate, as at sign-in
 * @param caFile the authorities to verify HTTPS against, as at sign-in
 */
public record SavedSignIn(String server, String username, String password, boolean insecure, Optional<Path> caFile) {
    @Override
    public String toString() {
        return "SavedSignIn[server=" + server + ", username=" + username + "]";
    }
}
