package dev.berth.cli.command;

import dev.berth.cli.api.ServerAddress;
import dev.berth.cli.api.TlsOptions;
import dev.berth.cli.config.CliConfigFile;
import dev.berth.cli.config.SavedSignIn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where to send requests and as whom. {@code BERTH_SERVER} (with {@code BERTH_USERNAME} and {@code BERTH_PASSWORD})
 * wins over what {@code berth login} saved; {@code BERTH_USERNAME} and {@code BERTH_PASSWORD} alone replace the
 * saved credentials for the saved server. Options win over variables, which win over the saved TLS settings.
 */
record SignIn(ServerAddress server, String username, String password, TlsOptions tls) {
    static final String NOT_SIGNED_IN = "not signed in: run 'berth login SERVER -u USER' or set BERTH_SERVER,"
            + " BERTH_USERNAME and BERTH_PASSWORD";

    static SignIn resolve(CliEnvironment env, ApiOptions options, Consumer<String> warn) throws CliFailure {
        Optional<String> username = env.variable("BERTH_USERNAME");
        Optional<String> password = env.variable("BERTH_PASSWORD");
        Optional<String> server = env.variable("BERTH_SERVER");
        if (server.isPresent()) {
            if (username.isEmpty() || password.isEmpty()) {
                throw new CliFailure(
                        Exit.AUTHENTICATION, "BERTH_SERVER is set, so set BERTH_USERNAME and BERTH_PASSWORD too");
            }
            return new SignIn(address(server.get()), username.get(), password.get(), tls(env, options, false, null));
        }
        SavedSignIn saved = saved(env, warn).orElseThrow(() -> new CliFailure(Exit.AUTHENTICATION, NOT_SIGNED_IN));
        boolean fromEnv = username.isPresent() && password.isPresent();
        return new SignIn(
                address(saved.server()),
                fromEnv ? username.get() : saved.username(),
                fromEnv ? password.get() : saved.password(),
                tls(env, options, saved.insecure(), saved.caFile().orElse(null)));
    }

    private static Optional<SavedSignIn> saved(CliEnvironment env, Consumer<String> warn) throws CliFailure {
        CliConfigFile file = CliConfigFile.locate(env.variables());
        try {
            Optional<SavedSignIn> saved = file.read();
            if (saved.isPresent() && !file.isPrivate()) {
                warn.accept("warning: " + file.path() + " holds a password and others may read it; chmod 600 it");
            }
            return saved;
        } catch (IOException e) {
            throw new CliFailure(Exit.OTHER, "cannot read " + file.path() + ": " + e.getMessage());
        }
    }

    private static TlsOptions tls(CliEnvironment env, ApiOptions options, boolean savedInsecure, Path savedCaFile) {
        boolean insecure = options.insecure()
                || env.variable("BERTH_INSECURE")
                        .map(v -> v.toLowerCase(Locale.ROOT))
                        .map(v -> v.equals("true") || v.equals("1") || v.equals("yes"))
                        .orElse(savedInsecure);
        Optional<Path> caFile = options.caFile()
                .or(() -> env.variable("BERTH_CA_FILE").map(Path::of))
                .or(() -> Optional.ofNullable(savedCaFile));
        return new TlsOptions(insecure, caFile);
    }

    private static ServerAddress address(String text) throws CliFailure {
        try {
            return ServerAddress.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(Exit.USAGE, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "SignIn[server=" + server + ", username=" + username + "]";
    }
}
