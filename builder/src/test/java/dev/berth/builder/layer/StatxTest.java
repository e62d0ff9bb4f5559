package dev.berth.builder.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatxTest {
    @TempDir
    Path temp;

    @Test
    void readsWhatTheJdkReadsForEveryType() throws IOException {
        Path file = Files.writeString(temp.resolve("file"), "content");
        Files.setAttribute(file, "unix:mode", 04750);
        Path dir = Files.createDirectories(temp.resolve("dir"));
        Path link = Files.createSymbolicLink(temp.resolve("link"), Path.of("file"));
        Files.createLink(temp.resolve("hard"), file);
        try (Statx statx = new Statx()) {
            for (Path p : List.of(file, dir, link, Path.of("/dev/null"), temp)) {
                assertEquals(SnapshotReader.stat(p), statx.stat(p), p.toString());
            }
        }
    }
}
