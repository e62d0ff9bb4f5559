package dev.berth.builder.dockerfile;

import dev.berth.builder.dockerfile.Flags.Kind;
import java.util.List;
import java.util.Map;

/** {@code COPY} and {@code ADD}: flags, sources (paths, globs, URLs, heredocs) and a destination. */
final class FileInstructions {
    private static final Map<String, Kind> COPY_FLAGS = Map.of(
            "from", Kind.STRING,
            "chown", Kind.STRING,
            "chmod", Kind.STRING,
            "link", Kind.BOOLEAN,
            "parents", Kind.BOOLEAN,
            "exclude", Kind.LIST);
    private static final Map<String, Kind> ADD_FLAGS = Map.of(
            "chown", Kind.STRING,
            "chmod", Kind.STRING,
            "link", Kind.BOOLEAN,
            "exclude", Kind.LIST,
            "checksum", Kind.STRING,
            "keep-git-dir", Kind.BOOLEAN,
            "unpack", Kind.BOOLEAN);

    /** A parsed argument list: the sources that are not heredocs, and the destination. */
    private record Arguments(List<String> sources, String destination) {}

    Instruction.Copy copy(LogicalLine line, Location at) {
        Flags flags = Flags.parse(line.arguments(), COPY_FLAGS);
        Arguments arguments = arguments(line, flags);
        return new Instruction.Copy(
                arguments.sources(),
                line.heredocs(),
                arguments.destination(),
                flags.string("from"),
                flags.string("chown"),
                flags.string("chmod"),
                flags.bool("link"),
                flags.bool("parents"),
                flags.list("exclude"),
                at,
                line.original());
    }

    Instruction.Add add(LogicalLine line, Location at) {
        Flags flags = Flags.parse(line.arguments(), ADD_FLAGS);
        Arguments arguments = arguments(line, flags);
        return new Instruction.Add(
                arguments.sources(),
                line.heredocs(),
                arguments.destination(),
                flags.string("chown"),
                flags.string("chmod"),
                flags.bool("link"),
                flags.list("exclude"),
                flags.string("checksum"),
                flags.bool("keep-git-dir"),
                flags.string("unpack").map(Boolean::parseBoolean),
                at,
                line.original());
    }

    private static Arguments arguments(LogicalLine line, Flags flags) {
        List<String> words = Words.jsonOrBlanks(flags.rest());
        String keyword = InstructionParser.keyword(line);
        if (words.size() < 2) {
            throw new SyntaxError(keyword + " requires at least two arguments, a source and a destination"
                    + (words.size() == 1 ? ", but only one was given" : ""));
        }
        if (!line.heredocs().isEmpty() && HeredocMarker.isMarker(words.getLast())) {
            throw new SyntaxError(keyword + " cannot take a heredoc as its destination");
        }
        List<String> sources = words.subList(0, words.size() - 1).stream()
                .filter(word -> line.heredocs().isEmpty() || !HeredocMarker.isMarker(word))
                .toList();
        return new Arguments(sources, words.getLast());
    }
}
