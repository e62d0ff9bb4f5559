package dev.berth.server;

import dev.berth.cli.LoginCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code berth} command: one launcher for the server and, later, the client commands. */
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
