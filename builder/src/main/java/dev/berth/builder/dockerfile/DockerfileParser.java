package dev.berth.builder.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a Dockerfile's text into a {@link Dockerfile}: directives first, then logical lines, each parsed into an
 * instruction and placed among the global {@code ARG}s or in the current stage.
 */
final class DockerfileParser {
    private final String fileName;
    private final List<Instruction.Arg> globalArgs = new ArrayList<>();
    private final List<Stage> stages = new ArrayList<>();
    private Instruction.From stageFrom;
    private List<Instruction> stageInstructions = new ArrayList<>();

    DockerfileParser(String fileName) {
        this.fileName = fileName;
    }

    Dockerfile parse(String text) {
        SourceLines source = new SourceLines(text);
        Directives directives = DirectiveReader.read(source.all(), fileName);
        LogicalLineReader reader = new LogicalLineReader(fileName, source, directives.escape());
        InstructionParser parser = new InstructionParser(directives.escape());
        boolean empty = true;
        for (Optional<LogicalLine> line = reader.next(); line.isPresent(); line = reader.next()) {
            place(parsed(parser, line.get()));
            empty = false;
        }
        endStage();
        if (stages.isEmpty()) {
            throw new DockerfileException(
                    new Location(fileName, 0),
                    empty ? "the Dockerfile is empty" : "FROM missing: the Dockerfile has no build stage");
        }
        return new Dockerfile(fileName, directives, globalArgs, stages);
    }

    private Instruction parsed(InstructionParser parser, LogicalLine line) {
        Location at = new Location(fileName, line.line());
        try {
            return parser.parse(line, at);
        } catch (SyntaxError e) {
            throw new DockerfileException(at, e.getMessage());
        }
    }

    private void place(Instruction instruction) {
        switch (instruction) {
            case Instruction.From from -> {
                endStage();
                checkUniqueName(from);
                stageFrom = from;
            }
            case Instruction.Arg arg when stageFrom == null -> globalArgs.add(arg);
            default -> {
                if (stageFrom == null) {
                    throw new DockerfileException(
                            instruction.location(),
                            "FROM missing: " + instruction.keyword()
                                    + " must come after a FROM (only ARG may come before the first FROM)");
                }
                stageInstructions.add(instruction);
            }
        }
    }

    private void checkUniqueName(Instruction.From from) {
        if (from.alias().isPresent() && stages.stream().anyMatch(s -> s.name().equals(from.alias()))) {
            throw new DockerfileException(
                    from.location(), "duplicate stage name \"" + from.alias().get() + "\"");
        }
    }

    private void endStage() {
        if (stageFrom != null) {
            stages.add(new Stage(stages.size(), stageFrom.alias(), stageFrom, stageInstructions));
            stageInstructions = new ArrayList<>();
        }
    }
}
