package dev.berth.cli.runs;

import dev.berth.cli.api.ApiException;
import dev.berth.cli.command.CliFailure;
import dev.berth.cli.command.Session;
import java.nio.file.Files;
import java.nio.file.Path;

/** A run's context as given on the command line, made a {@code sourceLocation}: URLs pass, directories upload. */
final class Sources {
    private Sources() {}

    static String location(Session session, RunApi runs, String context, String dockerfile, boolean noneAllowed)
            throws CliFailure, ApiException {
        if (context == null || context.equals("/dev/null")) {
            if (!noneAllowed) {
                throw session.usage("give a context: a directory, a git URL or a tarball URL");
            }
            return "/dev/null";
        }
        if (context.contains("://")) {
            return context;
        }
        Path dir = Path.of(context);
        if (!Files.isDirectory(dir)) {
            throw session.usage("the context '" + context + "' is not a directory nor a URL");
        }
        return runs.upload(dir, dockerfile);
    }
}
