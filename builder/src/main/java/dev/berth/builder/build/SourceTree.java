package dev.berth.builder.build;

import dev.berth.builder.dockerfile.DockerIgnore;
import dev.berth.builder.layer.RootPath;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What COPY and ADD read from: the build context (with its {@code .dockerignore} applied) or another stage's or
 * image's root filesystem. Source paths are relative to the tree's root, may hold globs ({@code *}, {@code ?},
 * {@code [...]} within one segment), and never reach outside it.
 */
final class SourceTree {
    private final RootPath root;
    private final DockerIgnore ignore;
    private final String description;

    private SourceTree(Path root, DockerIgnore ignore, String description) throws IOException {
        this.root = RootPath.of(root);
        this.ignore = ignore;
        this.description = description;
    }

    /** A build context; its {@code .dockerignore}, if any, hides what it lists. */
    static SourceTree context(Path root) throws IOException {
        Path ignoreFile = RootPath.of(root).resolve("/.dockerignore");
        DockerIgnore ignore = Files.isRegularFile(ignoreFile)
                ? DockerIgnore.parse(Files.readString(ignoreFile))
                : DockerIgnore.none();
        return new SourceTree(root, ignore, "build context");
    }

    /** A root filesystem, all of it visible. */
    static SourceTree rootfs(Path root, String description) throws IOException {
        return new SourceTree(root, DockerIgnore.none(), description);
    }

    /**
     * The host path of a path in the tree, symbolic links followed as inside a chroot (never out of the tree), the
     * last one too when {@code follow}.
     */
    Path host(String relative, boolean follow) throws IOException {
        String path = "/" + relative;
        return follow ? root.resolve(path) : root.resolveNoFollow(path);
    }

    String description() {
        return description;
    }

    /** Whether the path (relative, cleaned) is hidden by {@code .dockerignore}. */
    boolean excluded(String relative) {
        return !relative.isEmpty() && ignore.excludes(relative);
    }

    /** Whether a hidden directory may still hold files a {@code !pattern} brings back. */
    boolean mayReinclude(String relativeDirectory) {
        return ignore.mayReinclude(relativeDirectory);
    }

    /**
     * The paths a source names, relative to the root, sorted; a source without globs names itself.
     *
     * @throws BuildException-worthy {@link IllegalArgumentException} when the source leaves the tree or names nothing
     */
    List<String> match(String source) throws IOException {
        String cleaned = clean(source);
        if (!hasGlob(cleaned)) {
            Path path = host(cleaned, false);
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) || excluded(cleaned)) {
                throw new IllegalArgumentException("\"" + source + "\" not found in the " + description
                        + (description.equals("build context") ? " (or excluded by .dockerignore)" : ""));
            }
            return List.of(cleaned);
        }
        List<String> matches = new ArrayList<>();
        expand("", List.of(cleaned.split("/")), 0, matches);
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("no file in the " + description + " matches \"" + source + "\"");
        }
        matches.sort(null);
        return matches;
    }

    private void expand(String prefix, List<String> segments, int index, List<String> matches) throws IOException {
        if (index == segments.size()) {
            if (!excluded(prefix)) {
                matches.add(prefix);
            }
            return;
        }
        String segment = segments.get(index);
        Path directory = host(prefix, true);
        if (!hasGlob(segment)) {
            String next = join(prefix, segment);
            if (Files.exists(host(next, false), LinkOption.NOFOLLOW_LINKS)) {
                expand(next, segments, index + 1, matches);
            }
            return;
        }
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + segment.replace("[^", "[!"));
        try (Stream<Path> children = Files.list(directory)) {
            for (Path child : children.sorted().toList()) {
                if (matcher.matches(child.getFileName())) {
                    expand(join(prefix, child.getFileName().toString()), segments, index + 1, matches);
                }
            }
        }
    }

    /** The source as a clean relative path: leading slashes, {@code .} and {@code ..} resolved within the root. */
    static String clean(String source) {
        List<String> parts = new ArrayList<>();
        for (String part : source.replace('\\', '/').split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    throw new IllegalArgumentException("\"" + source + "\" is outside the build context");
                }
                parts.removeLast();
            } else {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    private static boolean hasGlob(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0 || text.indexOf('[') >= 0;
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }
}
