package dev.berth.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.cli.command.CliEnvironment;
import dev.berth.cli.command.StandardInput;
import dev.berth.cli.config.CliConfigFile;
import dev.berth.cli.config.SavedSignIn;
import dev.berth.cli.json.Json;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code berth login SERVER -u USER}: trades the user's password for a refresh token at the server's {@code POST
 * /oauth2/exchange} and stores it in the Docker configuration file as the password of the null-GUID user, as {@code
 * az acr login} does, so docker, podman, buildah, skopeo and Helm sign in with it and no Docker daemon is needed.
 * With {@code --expose-token} it prints the token instead. See {@code docs/login.md}.
 */
@Command(
        name = "login",
        mixinStandardHelpOptions = true,
        description = {
            "Sign in to a Berth registry for docker, podman, skopeo and Helm; no Docker daemon needed.",
            "Trades the password for a refresh token and stores it in the Docker configuration file as the password"
                    + " of user " + LoginCommand.REFRESH_TOKEN_USER
                    + ". The token lasts a few hours (auth.refreshTokenTtl);"
                    + " sign in again when it expires.",
            "Also saves the server, user name and password (mode 0600) for the management commands (berth list,"
                    + " berth token create, ...) in $BERTH_CONFIG_DIR/cli.json, else ~/.config/berth/cli.json."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:signed in",
            "1:no Berth token service could be reached at SERVER, or a configuration file cannot be written",
            "2:wrong usage",
            "3:the server refused the credentials"
        })
public final class LoginCommand implements Callable<Integer> {
    /** The user name that says "the password is a refresh token", as with ACR. */
    static final String REFRESH_TOKEN_USER = "00000000-0000-0000-0000-000000000000";

    @Spec
    private CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "SERVER",
            converter = LoginServer.Converter.class,
            description = "The registry as clients name it: HOST or HOST:PORT, e.g. localhost:5000.")
    LoginServer server;

    @Option(
            names = {"-u", "--username"},
            required = true,
            description = "User name.")
    String username;

    @Option(
            names = {"-p", "--password"},
            description = "Password. Other users of this machine may see it; prefer --password-stdin.")
    String password;

    @Option(names = "--password-stdin", description = "Read the password from standard input.")
    boolean passwordStdin;

    @Option(
            names = "--insecure",
            description = "Accept any TLS certificate, and use plain HTTP when the server speaks no TLS"
                    + " (as --tls-verify=false does for podman and skopeo). Without it, only verified HTTPS.")
    boolean insecure;

    @Option(
            names = "--ca-file",
            paramLabel = "FILE",
            description = "Verify HTTPS against the certificate authorities in this PEM file instead of the system's,"
                    + " such as <data-dir>/keys/tls/ca.pem of 'berth serve --tls'.")
    Path caFile;

    @Option(
            names = "--expose-token",
            description = "Print the token as JSON, {\"accessToken\": ..., \"loginServer\": ...}, instead of storing"
                    + " it (as az acr login --expose-token does); it is the password of user " + REFRESH_TOKEN_USER
                    + ".")
    boolean exposeToken;

    @Option(
            names = "--config-file",
            paramLabel = "FILE",
            description = "The Docker configuration file to write. Default: $DOCKER_CONFIG/config.json, else"
                    + " ~/.docker/config.json.")
    Path configFile;

    private final Map<String, String> env;
    private final InputStream stdin;

    public LoginCommand() {
        this(System.getenv(), System.in);
    }

    LoginCommand(Map<String, String> env, InputStream stdin) {
        this.env = env;
        this.stdin = stdin;
    }

    LoginCommand(CliEnvironment environment) {
        this(environment.variables(), environment.stdin());
    }

    @Override
    public Integer call() {
        checkOptions();
        String secret = password();
        try {
            if (exposeToken) {
                expose(new TokenExchange(insecure, caFile)
                        .refreshToken(server, username, secret)
                        .value());
            } else {
                DockerConfigFile file = DockerConfigFile.locate(configFile, env);
                check(file);
                TokenExchange.RefreshToken token =
                        new TokenExchange(insecure, caFile).refreshToken(server, username, secret);
                store(file, token.value());
                remember(token.origin(), secret);
            }
            return 0;
        } catch (LoginFailure e) {
            err().println("berth login: " + e.getMessage());
            return e.kind().exitCode;
        } finally {
            out().flush();
            err().flush();
        }
    }

    private void checkOptions() {
        if (exposeToken && configFile != null) {
            throw usage("--expose-token prints the token and writes no file; drop --config-file");
        }
        if (password != null && passwordStdin) {
            throw usage("give the password with --password or --password-stdin, not both");
        }
    }

    /** The password from the option, standard input or the terminal; any other way is a usage error. */
    private String password() {
        String secret;
        if (passwordStdin) {
            secret = readStdin();
        } else if (password != null) {
            err().println("berth login: warning: a password on the command line is visible to other users of this"
                    + " machine; prefer --password-stdin");
            secret = password;
        } else {
            secret = prompt().orElseThrow(() -> usage("no password: give --password-stdin or --password"));
        }
        if (secret.isEmpty()) {
            throw usage("the password is empty");
        }
        return secret;
    }

    /** Standard input without its one trailing line break, as {@code docker login --password-stdin} reads it. */
    private String readStdin() {
        try {
            return StandardInput.secret(stdin);
        } catch (IOException e) {
            throw usage("cannot read the password from standard input: " + e.getMessage());
        }
    }

    private static Optional<String> prompt() {
        Console console = System.console();
        if (console == null || !console.isTerminal()) {
            return Optional.empty();
        }
        char[] typed = console.readPassword("Password: ");
        return typed == null ? Optional.empty() : Optional.of(new String(typed));
    }

    /** Fails before the server is asked, when the file could not take the credentials. */
    private static void check(DockerConfigFile file) throws LoginFailure {
        try {
            file.check();
        } catch (IOException e) {
            throw configFileFailure(file, e);
        }
    }

    private void store(DockerConfigFile file, String token) throws LoginFailure {
        Optional<String> helper;
        try {
            helper = file.storeCredentials(server, REFRESH_TOKEN_USER, token);
        } catch (IOException e) {
            throw configFileFailure(file, e);
        }
        helper.ifPresent(name -> err().println("berth login: warning: " + file.path()
                + " names the credential helper '" + name + "', which docker asks instead of this entry for "
                + server));
        err().println("berth login: saved a refresh token for " + server + " in " + file.path());
        out().println("Login Succeeded");
    }

    /** Saves the sign-in for the management commands ({@code berth list}, {@code berth token create}, ...). */
    private void remember(String origin, String secret) throws LoginFailure {
        CliConfigFile file = CliConfigFile.locate(env);
        try {
            file.write(new SavedSignIn(origin, username, secret, insecure, Optional.ofNullable(caFile)));
        } catch (IOException e) {
            throw new LoginFailure(
                    LoginFailure.Kind.CONFIG_FILE,
                    "cannot use " + file.path() + ": " + DockerConfigFile.describe(e),
                    e);
        }
        err().println("berth login: saved the sign-in for the berth management commands in " + file.path());
    }

    private void expose(String token) {
        ObjectNode json = Json.object().put("accessToken", token).put("loginServer", server.value());
        out().print(new String(Json.print(json, "  "), StandardCharsets.UTF_8));
        err().println("berth login: the token is the password of user " + REFRESH_TOKEN_USER + ", e.g. skopeo login -u "
                + REFRESH_TOKEN_USER + " --password-stdin " + server);
    }

    private static LoginFailure configFileFailure(DockerConfigFile file, IOException e) {
        return new LoginFailure(
                LoginFailure.Kind.CONFIG_FILE, "cannot use " + file.path() + ": " + DockerConfigFile.describe(e), e);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
