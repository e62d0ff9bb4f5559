package dev.berth.cli.command;

import dev.berth.cli.output.OutputFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options of every command that calls the management API: the output format and how to trust the server. The
 * server and credentials come from {@code berth login} or {@code BERTH_SERVER}, {@code BERTH_USERNAME} and {@code
 * BERTH_PASSWORD}. Mixing it in also lists the exit codes in the command's help.
 */
@Command(
        exitCodeListHeading = Exit.HEADING,
        exitCodeList = {
            Exit.LINE_OK,
            Exit.LINE_OTHER,
            Exit.LINE_USAGE,
            Exit.LINE_AUTHENTICATION,
            Exit.LINE_FORBIDDEN,
            Exit.LINE_NOT_FOUND,
            Exit.LINE_CONFLICT
        })
public final class ApiOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            defaultValue = "table",
            description = "table (for people; the default), json or tsv (for scripts).")
    OutputFormat output;

    @Option(
            names = "--insecure",
            description = "Accept any TLS certificate (and plain HTTP when the server address has no scheme),"
                    + " as with berth login. Also BERTH_INSECURE=true.")
    boolean insecure;

    @Option(
            names = "--ca-file",
            paramLabel = "FILE",
            description = "Verify HTTPS against the authorities in this PEM file. Also BERTH_CA_FILE.")
    Path caFile;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            description = "How long to wait for each answer (default: 60; for import, 1800).")
    Long timeoutSeconds;

    CommandSpec command() {
        return command;
    }

    public OutputFormat output() {
        return output;
    }

    boolean insecure() {
        return insecure;
    }

    Optional<Path> caFile() {
        return Optional.ofNullable(caFile);
    }

    /** The {@code --timeout} given, if any: {@code build} and {@code run} also take it as the run's timeout. */
    public Optional<Long> timeoutSeconds() {
        return Optional.ofNullable(timeoutSeconds);
    }

    /** The {@code --timeout} given, else the command's default. */
    Duration timeout(Duration otherwise) {
        return timeoutSeconds == null ? otherwise : Duration.ofSeconds(Math.max(1, timeoutSeconds));
    }
}
