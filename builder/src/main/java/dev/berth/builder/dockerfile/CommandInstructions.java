package dev.berth.builder.dockerfile;

import dev.berth.builder.dockerfile.Flags.Kind;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The instructions that hold a command: {@code RUN}, {@code CMD}, {@code ENTRYPOINT}, {@code SHELL}, {@code HEALTHCHECK}. */
final class CommandInstructions {
    private static final Map<String, Kind> RUN_FLAGS =
            Map.of("mount", Kind.LIST, "network", Kind.STRING, "security", Kind.STRING);
    private static final Set<String> NETWORKS = Set.of("default", "none", "host");
    private static final Set<String> SECURITY_MODES = Set.of("sandbox", "insecure");
    private static final Map<String, Kind> HEALTHCHECK_FLAGS = Map.of(
            "interval", Kind.STRING,
            "timeout", Kind.STRING,
            "start-period", Kind.STRING,
            "start-interval", Kind.STRING,
            "retries", Kind.STRING);
    private static final Duration MINIMUM_INTERVAL = Duration.ofMillis(1);

    Instruction.Run run(LogicalLine line, Location at) {
        Flags flags = Flags.parse(line.arguments(), RUN_FLAGS);
        String rest = flags.rest().strip();
        if (rest.isEmpty()) {
            throw new SyntaxError("RUN requires at least one argument");
        }
        Optional<String> network = oneOf(flags, "network", NETWORKS);
        Optional<String> security = oneOf(flags, "security", SECURITY_MODES);
        List<RunMount> mounts =
                flags.list("mount").stream().map(RunMountParser::parse).toList();
        Command command = line.heredocs().isEmpty() ? command(rest) : new Command.Shell(rest);
        return new Instruction.Run(command, line.heredocs(), mounts, network, security, at, line.original());
    }

    private static Optional<String> oneOf(Flags flags, String name, Set<String> allowed) {
        Optional<String> value = flags.string(name);
        if (value.isPresent() && !allowed.contains(value.get())) {
            throw new SyntaxError("invalid value for --" + name + ": " + value.get() + " (one of "
                    + String.join(", ", allowed.stream().sorted().toList()) + ")");
        }
        return value;
    }

    /** The exec form if the text is a JSON array of strings, else the shell form. */
    Command command(String text) {
        return Words.jsonArray(text).<Command>map(Command.Exec::new).orElseGet(() -> new Command.Shell(text));
    }

    Instruction.Shell shell(String arguments, Location at, String original) {
        List<String> shell = Words.jsonArray(arguments)
                .orElseThrow(() -> new SyntaxError("SHELL requires the arguments to be in JSON form"));
        if (shell.isEmpty()) {
            throw new SyntaxError("SHELL requires at least one argument");
        }
        return new Instruction.Shell(shell, at, original);
    }

    Instruction.Healthcheck healthcheck(LogicalLine line, Location at) {
        Flags flags = Flags.parse(line.arguments(), HEALTHCHECK_FLAGS);
        String[] typeAndCommand = Words.BLANKS.split(flags.rest().strip(), 2);
        String type = typeAndCommand[0].toUpperCase(Locale.ROOT);
        String command = typeAndCommand.length > 1 ? typeAndCommand[1].strip() : "";
        if (type.equals("NONE")) {
            if (!command.isEmpty()) {
                throw new SyntaxError("HEALTHCHECK NONE takes no arguments");
            }
            return healthcheck(Optional.empty(), Flags.parse("", HEALTHCHECK_FLAGS), at, line.original());
        }
        if (!type.equals("CMD")) {
            throw new SyntaxError("unknown type \"" + typeAndCommand[0] + "\" in HEALTHCHECK (try CMD or NONE)");
        }
        if (command.isEmpty()) {
            throw new SyntaxError("missing command after HEALTHCHECK CMD");
        }
        return healthcheck(Optional.of(command(command)), flags, at, line.original());
    }

    private static Instruction.Healthcheck healthcheck(
            Optional<Command> test, Flags flags, Location at, String original) {
        return new Instruction.Healthcheck(
                test,
                duration(flags, "interval"),
                duration(flags, "timeout"),
                duration(flags, "start-period"),
                duration(flags, "start-interval"),
                retries(flags),
                at,
                original);
    }

    private static Optional<Duration> duration(Flags flags, String name) {
        return flags.string(name).map(text -> {
            Duration duration = GoDuration.parse(text)
                    .orElseThrow(() -> new SyntaxError("invalid duration for --" + name + ": " + text));
            if (!duration.isZero() && duration.compareTo(MINIMUM_INTERVAL) < 0) {
                throw new SyntaxError("--" + name + " cannot be less than 1ms: " + text);
            }
            return duration;
        });
    }

    private static Optional<Integer> retries(Flags flags) {
        return flags.string("retries").map(text -> {
            int retries;
            try {
                retries = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new SyntaxError("--retries must be a whole number: " + text);
            }
            if (retries < 0) {
                throw new SyntaxError("--retries cannot be negative: " + text);
            }
            return retries;
        });
    }
}
