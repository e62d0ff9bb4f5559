package dev.berth.builder.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Places one source of the build context into its view: directories made, files linked or copied, links kept. */
final class ContextViews {
    private ContextViews() {}

    static void place(CopySource source, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        switch (source.type()) {
            case DIRECTORY -> Files.createDirectories(target);
            case SYMLINK -> Files.createSymbolicLink(target, Path.of(source.linkTarget()));
            case REGULAR -> linkOrCopy(source.host(), target);
            default -> {
                // fifos, devices and sockets are not part of a context a bind mount shows
            }
        }
    }

    private static void linkOrCopy(Path source, Path target) throws IOException {
        try {
            Files.createLink(target, source);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }
}
