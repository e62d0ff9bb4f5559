package dev.berth.cli.command;

import dev.berth.cli.api.ApiException;
import picocli.CommandLine.Option;

/** {@code -y/--yes}: the answer to the question a delete command asks first, and that ask-delete-say flow itself. */
public final class YesOption {
    @Option(
            names = {"-y", "--yes"},
            description = "Do not ask for confirmation.")
    boolean given;

    /** Whether {@code --yes} was given, for a command that asks its own question with {@link Session#confirm}. */
    public boolean given() {
        return given;
    }

    /**
     * Asks "delete {@code what}{@code detail}?" unless {@code --yes}, deletes {@code path}, then says "deleted {@code
     * what}" on standard error.
     *
     * @param what the thing, such as {@code token 'ci'}
     * @param detail what the question adds, such as {@code  of registry 'myreg'}; empty for nothing
     */
    public void deleteAfterAsking(Session session, String what, String detail, String path)
            throws CliFailure, ApiException {
        session.confirm("delete " + what + detail, given);
        session.client().delete(path);
        session.note("deleted " + what);
    }
}
