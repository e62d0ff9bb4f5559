package dev.berth.cli.command;

/** A command that cannot go on, with the exit code to end with and a message for standard error. */
public final class CliFailure extends Exception {
    private final Exit exit;

    public CliFailure(Exit exit, String message) {
        super(message);
        this.exit = exit;
    }

    public Exit exit() {
        return exit;
    }
}
