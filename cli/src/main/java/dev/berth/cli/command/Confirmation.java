package dev.berth.cli.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The question before a delete: answered by {@code --yes}, or by a person at a terminal on standard input. */
final class Confirmation {
    private static final int LONGEST_ANSWER = 256;

    private Confirmation() {}

    static void ask(CliEnvironment env, PrintWriter err, String action, boolean yes) throws CliFailure {
        if (yes) {
            return;
        }
        if (!env.terminal()) {
            throw new CliFailure(Exit.USAGE, "refusing to " + action + " without --yes: there is no terminal to ask");
        }
        err.print("Are you sure you want to " + action + "? (y/N): ");
        err.flush();
        String answer = readLine(env.stdin()).strip().toLowerCase(Locale.ROOT);
        if (!answer.equals("y") && !answer.equals("yes")) {
            throw new CliFailure(Exit.OTHER, "cancelled; nothing was deleted");
        }
    }

    private static String readLine(InputStream in) throws CliFailure {
        byte[] line = new byte[LONGEST_ANSWER];
        int length = 0;
        try {
            for (int b = in.read(); b >= 0 && b != '\n' && length < line.length; b = in.read()) {
                line[length++] = (byte) b;
            }
        } catch (IOException e) {
            throw new CliFailure(Exit.OTHER, "cannot read the answer: " + e.getMessage());
        }
        return new String(line, 0, length, StandardCharsets.UTF_8);
    }
}
