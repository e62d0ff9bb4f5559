package dev.berth.tasks.sources;

import dev.berth.core.egress.Egress;
import dev.berth.core.runs.Run;
import dev.berth.core.runs.RunKeys;
import dev.berth.core.runs.RunLog;
import dev.berth.core.spi.RunFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Makes a run's build context ready in a directory of its own, and removes it afterwards. */
public final class SourcePreparer {
    private final RunFiles files;
    private final long limit;
    private final Egress egress;

    /** @param egress the way out of git and tarball sources, under the installation's egress policy */
    public SourcePreparer(RunFiles files, long limit, Egress egress) {
        this.files = files;
        this.limit = limit;
        this.egress = egress;
    }

    /**
     * Fetches the run's source into {@code dir/context} and answers the context directory (a subdirectory of it
     * when the location names one).
     */
    public Path prepare(Run run, Path dir, RunLog log) throws IOException {
        Path context = Files.createDirectories(dir.resolve("context"));
        SourceLocation location = SourceLocation.parse(run.request().sourceLocation());
        switch (location.kind()) {
            case NONE -> {}
            case UPLOAD -> {
                log.line("Extracting the uploaded source code...");
                extractUpload(run, location.location(), context);
            }
            case GIT -> {
                log.line("Cloning " + location.location() + (location.ref().isEmpty() ? "" : " at " + location.ref()));
                GitSource.fetch(location.location(), location.ref(), context, egress);
            }
            case TARBALL -> {
                log.line("Downloading source code from " + location.location());
                TarballSource.fetch(location.location(), context, limit, egress);
            }
        }
        return subdirectory(context, location.subdir());
    }

    private void extractUpload(Run run, String relativePath, Path context) throws IOException {
        String name = RunKeys.sourceName(relativePath)
                .orElseThrow(() -> new SourceException("no uploaded source at '" + relativePath + "'"));
        try (InputStream archive = files.read(RunKeys.source(run.registryId(), name), 0)
                .orElseThrow(() -> new SourceException("the uploaded source '" + relativePath + "' is gone"))) {
            SafeTar.extract(archive, context);
        }
    }

    private static Path subdirectory(Path context, String subdir) throws IOException {
        if (subdir.isEmpty()) {
            return context;
        }
        Path root = context.toRealPath();
        Path target = root.resolve(subdir).normalize();
        if (!target.startsWith(root)
                || !Files.isDirectory(target)
                || !target.toRealPath().startsWith(root)) {
            throw new SourceException("the source has no directory '" + subdir + "'");
        }
        return target;
    }

    /** Removes a run's directory and all in it; symbolic links are removed, never followed. */
    public void remove(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void delete(Path path) throws IOException {
        try {
            Files.delete(path);
        } catch (NoSuchFileException e) {
            // gone already
        }
    }
}
