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
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code berth} command: one launcher for the server and the client commands (see {@code docs/cli.md}). */
@Command(
        name = "berth",
        mixinStandardHelpOptions = true,
        version = "berth 0.1.0",
        description = "A self-hostable container registry.",
        subcommands = {
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
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int exit = new CommandLine(new Main()).execute(args);
        if (exit != 0 || args.length == 0 || !"serve".equals(args[0])) {
            System.exit(exit);
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
