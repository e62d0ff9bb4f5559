package dev.berth.builder.dockerfile;

import dev.berth.builder.dockerfile.Flags.Kind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns one logical line into its {@link Instruction}: the keyword (any case) picks the instruction, which checks its
 * flags and splits its arguments as Docker does. Problems are thrown as {@link SyntaxError}s for the caller to locate.
 */
final class InstructionParser {
    private static final Pattern STAGE_NAME = Pattern.compile("^[a-z][a-z0-9-_.]*$");
    private static final Set<String> NOT_TRIGGERS = Set.of("from", "maintainer");

    private final CommandInstructions commands;
    private final FileInstructions files;
    private final VariableInstructions variables;

    InstructionParser(char escape) {
        this.commands = new CommandInstructions();
        this.files = new FileInstructions();
        this.variables = new VariableInstructions(escape);
    }

    Instruction parse(LogicalLine line, Location at) {
        return switch (line.keyword().toLowerCase(Locale.ROOT)) {
            case "from" -> from(line, at);
            case "run" -> commands.run(line, at);
            case "cmd" -> new Instruction.Cmd(commands.command(arguments(line)), at, line.original());
            case "entrypoint" -> new Instruction.Entrypoint(commands.command(arguments(line)), at, line.original());
            case "shell" -> commands.shell(arguments(line), at, line.original());
            case "healthcheck" -> commands.healthcheck(line, at);
            case "copy" -> files.copy(line, at);
            case "add" -> files.add(line, at);
            case "env" -> variables.env(arguments(line), at, line.original());
            case "label" -> variables.label(arguments(line), at, line.original());
            case "arg" -> variables.arg(arguments(line), at, line.original());
            case "workdir" -> new Instruction.Workdir(oneArgument(line), at, line.original());
            case "user" -> new Instruction.User(oneArgument(line), at, line.original());
            case "stopsignal" -> new Instruction.StopSignal(oneArgument(line), at, line.original());
            case "maintainer" -> new Instruction.Maintainer(oneArgument(line), at, line.original());
            case "expose" ->
                new Instruction.Expose(atLeastOne(line, Words.onBlanks(arguments(line))), at, line.original());
            case "volume" -> volume(line, at);
            case "onbuild" -> onbuild(line, at);
            default -> throw new SyntaxError("unknown instruction: " + line.keyword());
        };
    }

    private Instruction.From from(LogicalLine line, Location at) {
        Flags flags = Flags.parse(line.arguments(), Map.of("platform", Kind.STRING));
        List<String> words = Words.onBlanks(flags.rest());
        boolean named = words.size() == 3 && words.get(1).equalsIgnoreCase("as");
        if (words.size() != 1 && !named) {
            throw new SyntaxError("FROM requires either one or three arguments: FROM <image> [AS <name>]");
        }
        Optional<String> alias = named ? Optional.of(stageName(words.get(2))) : Optional.empty();
        return new Instruction.From(words.getFirst(), alias, flags.string("platform"), at, line.original());
    }

    private static String stageName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!STAGE_NAME.matcher(lower).matches()) {
            throw new SyntaxError("invalid name for build stage: \"" + name
                    + "\", name can't start with a number or contain symbols");
        }
        return lower;
    }

    private Instruction.Volume volume(LogicalLine line, Location at) {
        List<String> paths = atLeastOne(line, Words.jsonOrBlanks(arguments(line)));
        if (paths.stream().anyMatch(String::isBlank)) {
            throw new SyntaxError("VOLUME specified can not be an empty string");
        }
        return new Instruction.Volume(paths, at, line.original());
    }

    private Instruction.Onbuild onbuild(LogicalLine line, Location at) {
        String trigger = arguments(line);
        if (trigger.isEmpty()) {
            throw new SyntaxError("ONBUILD requires at least one argument");
        }
        LogicalLine inner = line.trigger();
        String keyword = inner.keyword().toUpperCase(Locale.ROOT);
        if (keyword.equals("ONBUILD")) {
            throw new SyntaxError("chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
        }
        if (NOT_TRIGGERS.contains(keyword.toLowerCase(Locale.ROOT))) {
            throw new SyntaxError(keyword + " isn't allowed as an ONBUILD trigger");
        }
        return new Instruction.Onbuild(parse(inner, at), inner.withHeredocBodies(), at, line.original());
    }

    /** The arguments of an instruction that takes no flags, trimmed. */
    static String arguments(LogicalLine line) {
        return Flags.parse(line.arguments(), Map.of()).rest().strip();
    }

    /** The whole rest of the line as one value ({@code WORKDIR /my dir} is {@code /my dir}). */
    private static String oneArgument(LogicalLine line) {
        String value = arguments(line);
        if (value.isEmpty()) {
            throw new SyntaxError(keyword(line) + " requires exactly one argument");
        }
        return value;
    }

    static <T> List<T> atLeastOne(LogicalLine line, List<T> values) {
        if (values.isEmpty()) {
            throw new SyntaxError(keyword(line) + " requires at least one argument");
        }
        return values;
    }

    static String keyword(LogicalLine line) {
        return line.keyword().toUpperCase(Locale.ROOT);
    }
}
