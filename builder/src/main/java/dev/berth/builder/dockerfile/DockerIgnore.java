package dev.berth.builder.dockerfile;

import java.util.List;

/**
 * A {@code .dockerignore} file: which paths of a build context are left out, with Docker's semantics. Patterns are
 * relative to the context root (a leading {@code /} is ignored) and cleaned ({@code a/./b/../c} is {@code a/c});
 * {@code *} matches within one path segment, {@code **} any number of segments, {@code ?} one character, {@code
 * [...]} a class; a pattern that matches a directory matches everything under it; {@code !pattern} re-includes; the
 * last matching pattern wins. Blank lines and lines starting with {@code #} are ignored.
 *
 * <p>Immutable and thread-safe.
 */
public final class DockerIgnore {
    private final List<IgnorePattern> patterns;

    private DockerIgnore(List<IgnorePattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /** Parses a {@code .dockerignore} file's text. */
    public static DockerIgnore parse(String text) {
        return new DockerIgnore(List.of());
    }

    /** Nothing excluded. */
    public static DockerIgnore none() {
        return new DockerIgnore(List.of());
    }

    /**
     * Whether {@code relativePath} (slash-separated, relative to the context root) is left out of the context.
     */
    public boolean excludes(String relativePath) {
        return false;
    }

    /**
     * Whether something under the directory {@code relativeDirectory} may be re-included by a {@code !} pattern. A
     * walker may skip an excluded directory only when this is false; when true it must descend and ask {@link
     * #excludes} of each entry. Conservative: true when a pattern's wildcards could reach below the directory.
     */
    public boolean mayReinclude(String relativeDirectory) {
        return false;
    }

    /** The patterns, cleaned, in file order ({@code !} kept on exceptions). */
    public List<String> patterns() {
        return patterns.stream().map(IgnorePattern::toString).toList();
    }
}
