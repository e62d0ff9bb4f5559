package dev.berth.builder.dockerfile;

import java.util.ArrayDeque;
import java.util.Deque;

/** Lexical path cleaning, as Go's {@code path.Clean}: what Docker applies to ignore patterns and paths. */
final class Paths {
    private Paths() {}

    /** {@code a//b/./c/../d} is {@code a/b/d}; a rooted path stays rooted; the empty path is {@code .}. */
    static String clean(String path) {
        boolean rooted = path.startsWith("/");
        Deque<String> kept = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (!segment.equals("..")) {
                kept.addLast(segment);
            } else if (!kept.isEmpty() && !kept.peekLast().equals("..")) {
                kept.removeLast();
            } else if (!rooted) {
                kept.addLast(segment);
            }
        }
        String joined = String.join("/", kept);
        return rooted ? "/" + joined : joined.isEmpty() ? "." : joined;
    }
}
