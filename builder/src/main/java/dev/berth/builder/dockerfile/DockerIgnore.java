package dev.berth.builder.dockerfile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * A {@code .dockerignore} file: which paths of a build context are left out, with Docker's semantics. Patterns are
 * relative to the context root (a leading {@code /} is ignored) and cleaned ({@code a/./b/../c} is {@code a/c});
 * {@code *} matches within one path segment, {@code **} any number of segments, {@code ?} one character, {@code
 * [...]} a class, {@code \} escapes; a pattern that matches a directory matches everything under it; {@code !pattern}
 * re-includes; the last matching pattern wins. Lines starting with {@code #} and blank lines are ignored, others are
 * trimmed.
 *
 * <p>Immutable and thread-safe.
 */
public final class DockerIgnore {
    private static final String FILE_NAME = ".dockerignore";

    private final List<IgnorePattern> patterns;

    private DockerIgnore(List<IgnorePattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /**
     * Parses a {@code .dockerignore} file's text.
     *
     * @throws DockerfileException for a pattern that cannot be compiled (an unclosed {@code [}) or a lone {@code !},
     *     located at {@code .dockerignore:line}
     */
    public static DockerIgnore parse(String text) {
        List<IgnorePattern> patterns = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
            if (!line.startsWith("#") && !line.isBlank()) {
                patterns.add(compile(line.strip(), i + 1));
            }
        }
        return new DockerIgnore(patterns);
    }

    /** Nothing excluded. */
    public static DockerIgnore none() {
        return new DockerIgnore(List.of());
    }

    private static IgnorePattern compile(String line, int number) {
        boolean exception = line.startsWith("!");
        String pattern = exception ? line.substring(1).strip() : line;
        if (pattern.isEmpty()) {
            throw new DockerfileException(new Location(FILE_NAME, number), "illegal exclusion pattern: \"!\"");
        }
        String cleaned = Paths.clean(pattern);
        cleaned = cleaned.length() > 1 && cleaned.startsWith("/") ? cleaned.substring(1) : cleaned;
        try {
            return new IgnorePattern(cleaned, exception);
        } catch (PatternSyntaxException e) {
            throw new DockerfileException(new Location(FILE_NAME, number), "syntax error in pattern: " + line);
        }
    }

    /**
     * Whether {@code relativePath} (slash-separated, relative to the context root) is left out of the context: the
     * last pattern that matches it or one of its parent directories decides.
     */
    public boolean excludes(String relativePath) {
        String path = relative(relativePath);
        List<String> parents = parentsOf(path);
        boolean excluded = false;
        for (IgnorePattern pattern : patterns) {
            if (pattern.exception() == excluded && matchesOrParentMatches(pattern, path, parents)) {
                excluded = !pattern.exception();
            }
        }
        return excluded;
    }

    /**
     * Whether something under the directory {@code relativeDirectory} may be re-included by a {@code !} pattern. A
     * walker may skip an excluded directory only when this is false; when true it must descend and ask {@link
     * #excludes} of each entry. Conservative: true when a pattern's wildcards could reach below the directory.
     */
    public boolean mayReinclude(String relativeDirectory) {
        List<String> segments = Arrays.asList(relative(relativeDirectory).split("/"));
        return patterns.stream().anyMatch(p -> p.exception() && p.mayReachInto(segments));
    }

    /** Whether there are no patterns at all: every path is included. */
    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    /** The patterns, cleaned, in file order ({@code !} kept on exceptions). */
    public List<String> patterns() {
        return patterns.stream().map(IgnorePattern::toString).toList();
    }

    private static boolean matchesOrParentMatches(IgnorePattern pattern, String path, List<String> parents) {
        return pattern.matches(path) || parents.stream().anyMatch(pattern::matches);
    }

    /** {@code a}, {@code a/b} for {@code a/b/c}. */
    private static List<String> parentsOf(String path) {
        List<String> parents = new ArrayList<>();
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            parents.add(path.substring(0, slash));
        }
        return parents;
    }

    private static String relative(String path) {
        String cleaned = Paths.clean(path);
        return cleaned.startsWith("/") && cleaned.length() > 1 ? cleaned.substring(1) : cleaned;
    }
}
