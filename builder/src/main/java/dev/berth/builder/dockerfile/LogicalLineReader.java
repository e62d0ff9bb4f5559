package dev.berth.builder.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads logical lines as Docker's lexer does: comments (a {@code #} first on the line, blanks before it allowed) and
 * blank lines are skipped; a line ending with the escape character (blanks after it allowed) continues on the next,
 * the escape character dropped and the lines joined as they are; comments and empty lines inside a continuation are
 * skipped; {@code RUN}, {@code COPY} and {@code ADD} lines that name heredocs are followed by their bodies.
 */
final class LogicalLineReader {
    private static final Set<String> HEREDOC_KEYWORDS = Set.of("run", "copy", "add");

    private final String fileName;
    private final SourceLines source;
    private final char escape;

    LogicalLineReader(String fileName, SourceLines source, char escape) {
        this.fileName = fileName;
        this.source = source;
        this.escape = escape;
    }

    /** The next logical line, or empty at the end of the file. */
    Optional<LogicalLine> next() {
        while (source.hasNext()) {
            String physical = source.next();
            if (isComment(physical)) {
                continue;
            }
            int start = source.lineNumber();
            String text = physical.stripLeading();
            boolean continues = continues(text);
            text = withoutContinuation(text);
            if (continues) {
                text += continuationLines();
            }
            if (!text.isBlank()) {
                return Optional.of(withHeredocs(LogicalLine.of(start, text)));
            }
        }
        return Optional.empty();
    }

    private String continuationLines() {
        StringBuilder joined = new StringBuilder();
        while (source.hasNext()) {
            String physical = source.next();
            if (isComment(physical) || physical.isBlank()) {
                continue;
            }
            joined.append(withoutContinuation(physical));
            if (!continues(physical)) {
                break;
            }
        }
        return joined.toString();
    }

    private LogicalLine withHeredocs(LogicalLine line) {
        if (!HEREDOC_KEYWORDS.contains(heredocKeyword(line))
                || !line.arguments().contains("<<")) {
            return line;
        }
        List<Heredoc> bodies = new ArrayList<>();
        for (HeredocMarker marker : HeredocMarker.find(line.arguments(), escape)) {
            bodies.add(body(marker, line.line()));
        }
        return new LogicalLine(line.line(), line.keyword(), line.arguments(), line.original(), bodies);
    }

    /** The keyword that decides about heredocs: the trigger's for {@code ONBUILD RUN <<EOF}. */
    private static String heredocKeyword(LogicalLine line) {
        String keyword = line.keyword().toLowerCase(Locale.ROOT);
        return keyword.equals("onbuild")
                ? LogicalLine.of(line.line(), line.arguments()).keyword().toLowerCase(Locale.ROOT)
                : keyword;
    }

    private Heredoc body(HeredocMarker marker, int start) {
        StringBuilder content = new StringBuilder();
        while (source.hasNext()) {
            String physical = source.next();
            String candidate = marker.stripTabs() ? stripLeadingTabs(physical) : physical;
            if (candidate.equals(marker.name())) {
                return new Heredoc(marker.name(), content.toString(), marker.expand(), marker.stripTabs());
            }
            content.append(candidate).append('\n');
        }
        throw new DockerfileException(new Location(fileName, start), "unterminated heredoc " + marker.name());
    }

    /**
     * Whether the line ends with the escape character, blanks after it allowed, and that character is not itself
     * escaped ({@code echo \\} ends the line), as in Docker.
     */
    private boolean continues(String line) {
        int end = endOfContent(line);
        return end > 0 && line.charAt(end - 1) == escape && (end == 1 || line.charAt(end - 2) != escape);
    }

    /** The line without its continuation: the final escape character and the blanks after it. */
    private String withoutContinuation(String line) {
        return continues(line) ? line.substring(0, endOfContent(line) - 1) : line;
    }

    private static int endOfContent(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
            end--;
        }
        return end;
    }

    private static boolean isComment(String line) {
        return line.stripLeading().startsWith("#");
    }

    private static String stripLeadingTabs(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == '\t') {
            i++;
        }
        return line.substring(i);
    }
}
