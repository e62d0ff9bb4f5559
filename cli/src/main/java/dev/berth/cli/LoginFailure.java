package dev.berth.cli;

/** Why {@code berth login} failed, as the exit code it ends with and a message for the user. */
final class LoginFailure extends Exception {
    /**
     * The failures and their exit codes, which are those of the management commands ({@code
     * dev.berth.cli.command.Exit}): 3 for refused credentials, 1 for anything else; 2 (usage) is picocli's.
     */
    enum Kind {
        /** The server refused the credentials. */
        REFUSED(3),
        /** No Berth token service answered: connection, TLS or timeout failure, or an unexpected answer. */
        UNREACHABLE(1),
        /** A configuration file (Docker's, or the CLI's own) cannot be read, parsed or written. */
        CONFIG_FILE(1);

        final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }
    }

    private final Kind kind;

    LoginFailure(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    LoginFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }
}
