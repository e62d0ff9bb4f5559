package dev.berth.cli.command;

import dev.berth.cli.api.ApiException;
import dev.berth.cli.api.ManagementClient;
import dev.berth.cli.output.Printer;
import dev.berth.cli.output.Table;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * One run of a management command: it signs in when first asked for the client, prints results on standard output
 * and everything else on standard error prefixed with the command's name, and turns failures into {@link Exit}
 * codes. Usage errors ({@link #usage}) go back to picocli, which prints the usage and ends with 2.
 */
public final class Session {
    private final CliEnvironment env;
    private final ApiOptions options;
    private final CommandSpec command;
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration LONG_RUNNING_TIMEOUT = Duration.ofMinutes(30);

    private ManagementClient client;
    private Duration timeout = DEFAULT_TIMEOUT;
    private boolean timeoutOptionIsTheRuns;

    /** A command's work, given the session. */
    @FunctionalInterface
    public interface Work {
        void run(Session session) throws CliFailure, ApiException;
    }

    private Session(CliEnvironment env, ApiOptions options) {
        this.env = env;
        this.options = options;
        this.command = options.command();
    }

    /** Runs the work and returns the exit code. */
    public static int run(CliEnvironment env, ApiOptions options, Work work) {
        Session session = new Session(env, options);
        try {
            work.run(session);
            return Exit.OK.code;
        } catch (CliFailure e) {
            session.note(e.getMessage());
            return e.exit().code;
        } catch (ApiException e) {
            session.note(Failures.describe(e));
            return Exit.of(e).code;
        } finally {
            if (session.client != null) {
                session.client.close();
            }
            session.out().flush();
            session.err().flush();
        }
    }

    /** The client, signed in as the environment or {@code berth login} says. */
    public ManagementClient client() throws CliFailure, ApiException {
        if (client == null) {
            SignIn signIn = SignIn.resolve(env, options, this::note);
            client = ManagementClient.connect(
                    signIn.server(),
                    signIn.username(),
                    signIn.password(),
                    signIn.tls(),
                    timeoutOptionIsTheRuns ? timeout : options.timeout(timeout));
        }
        return client;
    }

    /**
     * For {@code build} and {@code run}, whose {@code --timeout} is the run's, as in {@code az}: answers (an upload of
     * a large context) are waited for as long as for an import, whatever {@code --timeout} says.
     */
    public Session timeoutOptionIsTheRuns() {
        this.timeoutOptionIsTheRuns = true;
        return longRunning();
    }

    /** Waits longer for answers (import copies whole images), unless {@code --timeout} says otherwise. */
    public Session longRunning() {
        timeout = LONG_RUNNING_TIMEOUT;
        return this;
    }

    public Printer printer() {
        return new Printer(out(), options.output());
    }

    /** Gets {@code path} and prints the object under the table: what every {@code show} does. */
    public void showOne(String path, Table table) throws CliFailure, ApiException {
        printer().one(client().get(path), table);
    }

    /** Gets {@code path} and prints its {@code value} array under the table: what every {@code list} does. */
    public void showList(String path, Table table) throws CliFailure, ApiException {
        printer().list(client().get(path).path("value"), table);
    }

    /** Refuses with exit code 6 when {@code path} exists already: before a PUT that would otherwise update it. */
    public void refuseIfExists(String path, String message) throws CliFailure, ApiException {
        if (client().find(path).isPresent()) {
            throw new CliFailure(Exit.CONFLICT, message);
        }
    }

    /** A line on standard error, after the command's name. */
    public void note(String message) {
        err().println(name() + ": " + message);
    }

    /** {@code berth token create}, say: the names from the top, whatever the top command is called. */
    private String name() {
        List<String> names = new ArrayList<>();
        for (CommandLine line = command.commandLine(); line != null; line = line.getParent()) {
            names.addFirst(line.getParent() == null ? "berth" : line.getCommandName());
        }
        return String.join(" ", names);
    }

    /** Says on standard error that what was printed holds secrets that will not be shown again. */
    public void secretsShownOnce(String what) {
        note(what + " shown this once: Berth keeps only a hash. Save it now.");
    }

    /**
     * Asks before something that cannot be undone, unless {@code --yes}. Without a terminal there is no one to ask,
     * so the command refuses.
     */
    public void confirm(String action, boolean yes) throws CliFailure {
        Confirmation.ask(env, err(), action, yes);
    }

    /** Standard input, for a password given with {@code --password-stdin}. */
    public InputStream stdin() {
        return env.stdin();
    }

    /** Standard output, for what a command streams (a run's log). */
    public PrintWriter stdout() {
        return out();
    }

    /** Standard error, for what a command streams beside its result. */
    public PrintWriter stderr() {
        return err();
    }

    /** A usage error for picocli to report, with the usage, as exit code 2. */
    public ParameterException usage(String message) {
        return new ParameterException(command.commandLine(), message);
    }

    private PrintWriter out() {
        return command.commandLine().getOut();
    }

    private PrintWriter err() {
        return command.commandLine().getErr();
    }
}
