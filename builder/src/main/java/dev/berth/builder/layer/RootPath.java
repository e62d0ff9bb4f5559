package dev.berth.builder.layer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A root filesystem on the host, and the only way the builder turns a path inside it into a host path. Resolution
 * works as it would inside a chroot: symbolic links are followed, an absolute target starts again at the root, and
 * {@code ..} at the root stays at the root, so the host path returned is always inside the root directory.
 *
 * <p>{@link #resolve} follows a link in the last component too (for reading, or writing into an existing file);
 * {@link #resolveNoFollow} does not (for creating, replacing or inspecting the entry itself). The strict variants
 * used when unpacking layers throw {@link UnsafePathException} instead of clamping a link that climbs above the root.
 */
public final class RootPath {
    private static final int MAX_LINKS = 40;

    private final Path root;

    private RootPath(Path root) {
        this.root = root;
    }

    /** The root at an existing directory; the directory's real path is kept. */
    public static RootPath of(Path directory) throws IOException {
        Path real = directory.toRealPath();
        if (!Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new NotDirectoryException(directory.toString());
        }
        return new RootPath(real);
    }

    /** The root directory on the host. */
    public Path root() {
        return root;
    }

    /** The host path of a path inside the root, following every symbolic link, the last one included. */
    public Path resolve(String path) throws IOException {
        return walk(path, true, false);
    }

    /** The host path of a path inside the root, following links in its parents but not in its last component. */
    public Path resolveNoFollow(String path) throws IOException {
        return walk(path, false, false);
    }

    /** As {@link #resolveNoFollow}, but a link that climbs above the root is refused instead of clamped. */
    public Path resolveNoFollowStrict(String path) throws IOException {
        return walk(path, false, true);
    }

    /** The path inside the root of a host path under it, as {@code a/b/c} ({@code ""} for the root itself). */
    public String relativize(Path hostPath) {
        Path relative = root.relativize(hostPath);
        if (relative.startsWith("..")) {
            throw new IllegalArgumentException(hostPath + " is not under " + root);
        }
        return relative.toString();
    }

    /** Resolution with both choices open: following the last link or not, clamping or refusing an escape. */
    Path walk(String path, boolean followLast, boolean strict) throws IOException {
        Deque<String> pending = new ArrayDeque<>(components(path));
        List<String> resolved = new ArrayList<>();
        int links = 0;
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (name.equals("..")) {
                climb(resolved, strict, path);
                continue;
            }
            Path candidate = host(resolved).resolve(name);
            boolean last = pending.isEmpty();
            if ((!last || followLast) && Files.isSymbolicLink(candidate)) {
                if (++links > MAX_LINKS) {
                    throw new IOException("too many levels of symbolic links resolving " + path);
                }
                expand(Files.readSymbolicLink(candidate).toString(), pending, resolved);
            } else {
                resolved.add(name);
            }
        }
        return host(resolved);
    }

    private static void climb(List<String> resolved, boolean strict, String path) throws UnsafePathException {
        if (!resolved.isEmpty()) {
            resolved.removeLast();
        } else if (strict) {
            throw new UnsafePathException("path escapes the root filesystem through a symbolic link: " + path);
        }
    }

    private static void expand(String target, Deque<String> pending, List<String> resolved) {
        if (target.startsWith("/")) {
            resolved.clear();
        }
        List<String> parts = components(target);
        for (int i = parts.size() - 1; i >= 0; i--) {
            pending.push(parts.get(i));
        }
    }

    private Path host(List<String> resolved) {
        Path p = root;
        for (String name : resolved) {
            p = p.resolve(name);
        }
        return p;
    }

    /** The non-empty, non-{@code .} components of a slash-separated path. */
    static List<String> components(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return parts;
    }
}
