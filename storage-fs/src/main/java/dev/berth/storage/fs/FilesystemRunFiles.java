package dev.berth.storage.fs;

import dev.berth.core.spi.RunFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs' files under a directory of their own:
 *
 * <pre>
 * &lt;data-dir&gt;/runs/
 *   &lt;registry id&gt;/sources/&lt;random&gt;.tar.gz   uploaded build sources, written through a temporary file
 *   &lt;registry id&gt;/logs/&lt;run id&gt;.log          run logs, appended a line at a time
 *   tmp/                                     whole-file writes in progress
 * </pre>
 */
public final class FilesystemRunFiles implements RunFiles {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

    private final Path root;

    public FilesystemRunFiles(Path dataDir) {
        this.root = dataDir.resolve("runs");
    }

    @Override
    public long write(String key, InputStream content, long limit) throws IOException {
        Path target = path(key);
        Path temp = root.resolve("tmp").resolve(UUID.randomUUID().toString());
        Files.createDirectories(temp.getParent());
        try {
            long written = copy(content, temp, limit);
            Files.createDirectories(target.getParent());
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return written;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static long copy(InputStream content, Path temp, long limit) throws IOException {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(temp)) {
            for (int read; (read = content.read(buffer)) >= 0; ) {
                total += read;
                if (total > limit) {
                    throw new TooLargeException(limit);
                }
                out.write(buffer, 0, read);
            }
        }
        return total;
    }

    @Override
    public void append(String key, byte[] bytes) throws IOException {
        Path file = path(key);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Override
    public Optional<Long> size(String key) throws IOException {
        Path file = path(key);
        return Files.isRegularFile(file) ? Optional.of(Files.size(file)) : Optional.empty();
    }

    @Override
    public Optional<InputStream> read(String key, long offset) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(path(key), StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        long end = channel.size();
        channel.position(Math.min(offset, end));
        return Optional.of(new BoundedStream(Channels.newInputStream(channel), Math.max(0, end - offset)));
    }

    @Override
    public List<String> sourcesWrittenBefore(Instant before, int max) throws IOException {
        List<String> keys = new ArrayList<>();
        for (Path registry : children(root)) {
            for (Path source : children(registry.resolve("sources"))) {
                if (keys.size() >= max) {
                    return keys;
                }
                if (Files.getLastModifiedTime(source).toInstant().isBefore(before)) {
                    keys.add(root.relativize(source).toString().replace('\\', '/'));
                }
            }
        }
        return keys;
    }

    /** The entries of a directory, none when it does not exist. */
    private static List<Path> children(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        }
    }

    @Override
    public boolean delete(String key) throws IOException {
        return Files.deleteIfExists(path(key));
    }

    private Path path(String key) {
        if (!KEY.matcher(key).matches() || key.contains("..")) {
            throw new IllegalArgumentException("not a run file key: " + key);
        }
        return root.resolve(key);
    }
}
