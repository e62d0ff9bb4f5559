package dev.berth.cli.runs;

import dev.berth.builder.dockerfile.DockerIgnore;
import dev.berth.builder.dockerfile.DockerfileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A context's {@code .dockerignore}, read by the builder's own {@link DockerIgnore}, so the CLI leaves out exactly
 * what a build would. As {@code az acr build}, {@code .git} is left out unless a rule brings it back.
 */
final class IgnoreFile {
    private static final String GIT_FIRST = ".git\n";

    private IgnoreFile() {}

    /** The filter of {@code <context>/.dockerignore} (only {@code .git}'s rule when there is none). */
    static ContextFilter of(Path context) throws IOException {
        Path file = context.resolve(".dockerignore");
        String rules = Files.isRegularFile(file) ? Files.readString(file) : "";
        try {
            DockerIgnore.parse(rules);
        } catch (DockerfileException e) {
            throw new IOException(e.getMessage(), e);
        }
        DockerIgnore ignore = DockerIgnore.parse(GIT_FIRST + rules);
        return path -> !ignore.excludes(path);
    }
}
