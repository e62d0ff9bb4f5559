package dev.berth.core.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every {@link RunFiles} must do; an implementation's test extends this and says how to open one. */
public abstract class RunFilesContract {
    @TempDir
    protected Path dir;

    private RunFiles files;

    protected abstract RunFiles open(Path dir) throws IOException;

    @BeforeEach
    void openFiles() throws IOException {
        files = open(dir);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private String read(String key, long offset) throws IOException {
        try (InputStream in = files.read(key, offset).orElseThrow()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aWrittenFileIsReadBackWhole() throws IOException {
        long size = files.write("1/sources/a.tar.gz", new ByteArrayInputStream(bytes("source")), 100);

        assertEquals(6, size);
        assertEquals(Optional.of(6L), files.size("1/sources/a.tar.gz"));
        assertEquals("source", read("1/sources/a.tar.gz", 0));
    }

    @Test
    void aWriteBeyondItsLimitIsRefusedAndLeavesNothing() {
        assertThrows(
                RunFiles.TooLargeException.class,
                () -> files.write("1/sources/b.tar.gz", new ByteArrayInputStream(new byte[101]), 100));
        assertDoesNotExist("1/sources/b.tar.gz");
    }

    @Test
    void appendsGrowAFileThatIsReadFromAnOffset() throws IOException {
        files.append("1/logs/ca1.log", bytes("one\n"));
        files.append("1/logs/ca1.log", bytes("two\n"));

        assertEquals("one\ntwo\n", read("1/logs/ca1.log", 0));
        assertEquals("two\n", read("1/logs/ca1.log", 4));
        assertEquals("", read("1/logs/ca1.log", 8));
        assertEquals("", read("1/logs/ca1.log", 100));
    }

    @Test
    void aReaderSeesWhatWasThereWhenItOpened() throws IOException {
        files.append("1/logs/ca2.log", bytes("first\n"));
        try (InputStream in = files.read("1/logs/ca2.log", 0).orElseThrow()) {
            files.append("1/logs/ca2.log", bytes("second\n"));
            assertArrayEquals(bytes("first\n"), in.readAllBytes());
        }
    }

    @Test
    void aReaderOfAFileReplacedWholeKeepsReadingTheOneItOpened() throws IOException {
        files.append("1/logs/ca4.log", bytes("old content\n"));
        try (InputStream in = files.read("1/logs/ca4.log", 0).orElseThrow()) {
            files.write("1/logs/ca4.log", new ByteArrayInputStream(bytes("new\n")), 100);
            assertArrayEquals(bytes("old content\n"), in.readAllBytes());
        }
        assertEquals("new\n", read("1/logs/ca4.log", 0));
    }

    @Test
    void skippingStaysWithinWhatWasThereWhenOpened() throws IOException {
        files.append("1/logs/ca5.log", bytes("0123456789"));
        try (InputStream in = files.read("1/logs/ca5.log", 2).orElseThrow()) {
            files.append("1/logs/ca5.log", bytes("abcdef"));
            assertEquals(5, in.skip(5));
            assertArrayEquals(bytes("789"), in.readAllBytes());
            assertEquals(0, in.skip(5));
        }
    }

    @Test
    void sourcesWrittenBeforeATimeAreListedButNotLogs() throws IOException {
        files.write("1/sources/old.tar.gz", new ByteArrayInputStream(bytes("x")), 100);
        files.write("2/sources/other.tar.gz", new ByteArrayInputStream(bytes("y")), 100);
        files.append("1/logs/ca6.log", bytes("x"));

        assertEquals(
                java.util.List.of("1/sources/old.tar.gz", "2/sources/other.tar.gz"),
                files.sourcesWrittenBefore(java.time.Instant.now().plusSeconds(60), 10));
        assertEquals(
                1,
                files.sourcesWrittenBefore(java.time.Instant.now().plusSeconds(60), 1)
                        .size());
        assertTrue(files.sourcesWrittenBefore(java.time.Instant.now().minusSeconds(60), 10)
                .isEmpty());
    }

    @Test
    void aMissingFileHasNoSizeNorContent() throws IOException {
        assertDoesNotExist("1/logs/none.log");
        assertFalse(files.delete("1/logs/none.log"));
    }

    @Test
    void aDeletedFileIsGone() throws IOException {
        files.append("1/logs/ca3.log", bytes("x"));

        assertTrue(files.delete("1/logs/ca3.log"));
        assertDoesNotExist("1/logs/ca3.log");
    }

    @Test
    void keysThatLeaveTheirDirectoryAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> files.append("../escape", bytes("x")));
        assertThrows(IllegalArgumentException.class, () -> files.append("/abs/path", bytes("x")));
    }

    private void assertDoesNotExist(String key) {
        try {
            assertEquals(Optional.empty(), files.size(key));
            assertTrue(files.read(key, 0).isEmpty());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
