package dev.berth.server;

import dev.berth.cli.LoginCommand;
import dev.berth.cli.access.RoleCommand;
import dev.berth.cli.access.UserCommand;
import dev.berth.cli.command.CompletionCommand;
import dev.berth.cli.registry.CheckNameCommand;
import dev.berth.cli.registry.CreateCommand;
import dev.berth.cli.registry.CredentialCommand;
import dev.berth.cli.registry.DeleteCommand;
import dev.berth.cli.registry.ImportCommand;
import dev.berth.cli.registry.ListCommand;
import dev.berth.cli.registry.NetworkRuleCommand;
import dev.berth.cli.registry.ShowCommand;
import dev.berth.cli.registry.ShowUsageCommand;
import dev.berth.cli.registry.UpdateCommand;
import dev.berth.cli.repository.ManifestCommand;
import dev.berth.cli.repository.RepositoryCommand;
import dev.berth.cli.runs.BuildCommand;
import dev.berth.cli.runs.RunCommand;
import dev.berth.cli.token.ScopeMapCommand;
import dev.berth.cli.token.TokenCommand;
import dev.berth.cli.webhook.WebhookCommand;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IFactory;

/**
 * The {@code berth} command: one launcher for the server and the client commands (see {@code docs/cli.md}).
 *
 * <p>Picocli builds its model of a command (options, help, converters, by reflection) when the command is added, and
 * building it for all fifty-odd commands took most of a client command's start-up; so {@link #command} adds only the
 * command asked for when the first argument names one, and all of them otherwise (no arguments, {@code --help},
 * {@code help}, {@code completion}, a mistyped name that picocli should suggest a fix for).
 */
@Command(
        name = "berth",
        mixinStandardHelpOptions = true,
        version = "berth 0.1.0",
        description = "A self-hostable container registry.")
public final class Main implements Runnable {
    /** The subcommands, in the order {@code berth --help} lists them. */
    static final List<Class<?>> COMMANDS = List.of(
            ServeCommand.class,
            VerifyConfigCommand.class,
            LoginCommand.class,
            RotateSigningKeyCommand.class,
            CheckNameCommand.class,
            CreateCommand.class,
            ListCommand.class,
            ShowCommand.class,
            UpdateCommand.class,
            DeleteCommand.class,
            ShowUsageCommand.class,
            CredentialCommand.class,
            NetworkRuleCommand.class,
            ImportCommand.class,
            RepositoryCommand.class,
            ManifestCommand.class,
            TokenCommand.class,
            ScopeMapCommand.class,
            WebhookCommand.class,
            BuildCommand.class,
            RunCommand.class,
            RoleCommand.class,
            UserCommand.class,
            CompletionCommand.class,
            CommandLine.HelpCommand.class);

    /** Commands that need every other command in the tree. */
    private static final Set<String> WHOLE_TREE = Set.of("help", "completion");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int exit = command(CommandLine.defaultFactory(), args).execute(args);
        if (exit != 0 || args.length == 0 || !"serve".equals(args[0])) {
            System.exit(exit);
        }
    }

    /**
     * The {@code berth} command for these arguments, its commands made by the factory: with only the command the first
     * argument names, or with every command (as with no arguments at all).
     */
    public static CommandLine command(IFactory factory, String... args) {
        CommandLine berth = new CommandLine(new Main(), factory);
        String first = args.length == 0 ? "" : args[0];
        List<Class<?>> named = WHOLE_TREE.contains(first)
                ? List.of()
                : COMMANDS.stream().filter(c -> nameOf(c).equals(first)).toList();
        for (Class<?> command : named.isEmpty() ? COMMANDS : named) {
            berth.addSubcommand(nameOf(command), new CommandLine(command, factory));
        }
        return berth;
    }

    private static String nameOf(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
