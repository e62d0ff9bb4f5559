package dev.berth.cli.runs;

/** Which files of a local build context are sent: what {@code .dockerignore} leaves in. */
@FunctionalInterface
interface ContextFilter {
    /** @param relativePath the file's path from the context's root, with {@code /} separators */
    boolean includes(String relativePath);
}
