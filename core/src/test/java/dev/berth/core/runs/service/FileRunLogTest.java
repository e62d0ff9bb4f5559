package dev.berth.core.runs.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.runs.RunKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A capped log: its tail kept behind a marker, offsets that keep their meaning, the space it takes bounded. */
class FileRunLogTest {
    private static final long CAP = FileRunLog.MIN_CAP;
    private static final String KEY = RunKeys.log(1, "ca1");

    private final MemoryRunFiles files = new MemoryRunFiles();
    private final FileRunLog log = new FileRunLog(files, 1, "ca1", CAP);

    /** Writes numbered lines until {@code total} bytes; answers all that was written. */
    private String writeLines(int total) throws IOException {
        StringBuilder all = new StringBuilder();
        for (int i = 0; all.length() < total; i++) {
            String line = "output line " + i;
            log.line(line);
            all.append(line).append('\n');
            assertTrue(files.size(KEY).orElseThrow() <= 2 * CAP + LogLayout.MAX_MARKER + line.length() + 1);
        }
        return all.toString();
    }

    private String read(long offset) throws IOException {
        try (InputStream in = LogLayout.read(files, KEY, offset).orElseThrow().bytes()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aLogUnderItsCapIsKeptWhole() throws IOException {
        String all = writeLines(1000);
        log.trim();

        assertEquals(all, read(0));
        assertEquals(0, LogLayout.read(files, KEY, 0).orElseThrow().start());
    }

    @Test
    void aLogPastItsCapKeepsItsLastLinesBehindAMarkerSayingHowMuchWasDropped() throws IOException {
        String all = writeLines(100_000);
        log.trim();

        String kept = read(0);
        String marker = kept.substring(0, kept.indexOf('\n') + 1);
        String tail = kept.substring(marker.length());
        long dropped = all.length() - tail.length();
        assertEquals(
                "[berth: log truncated: the first " + LogLayout.human(dropped) + " (" + dropped
                        + " bytes) were dropped; the last 4 KiB are kept]\n",
                marker);
        assertTrue(all.endsWith(tail));
        assertTrue(tail.length() <= CAP && tail.length() > CAP - 100, "kept " + tail.length());
        assertTrue(tail.startsWith("output line "), "kept from a line's start");
        assertEquals(
                dropped - marker.length(),
                LogLayout.read(files, KEY, 0).orElseThrow().start());
    }

    @Test
    void offsetsInTheKeptTailStillReadTheSameBytes() throws IOException {
        String all = writeLines(100_000);

        long offset = all.length() - 100;
        assertEquals(all.substring((int) offset), read(offset));
        assertEquals(offset, LogLayout.read(files, KEY, offset).orElseThrow().start());
        assertEquals("", read(all.length()));
    }

    @Test
    void aLineFarLongerThanTheCapIsCutInsideAndTheSpaceStaysBounded() throws IOException {
        byte[] chunk = new byte[8192];
        java.util.Arrays.fill(chunk, (byte) 'x');
        for (int i = 0; i < 1000; i++) {
            log.write(chunk);
        }
        log.line("");
        log.line("the end");
        log.trim();

        String kept = read(0);
        assertTrue(kept.startsWith("[berth: log truncated: the first 7.8 MiB ("), kept.substring(0, 80));
        assertTrue(kept.endsWith("x\nthe end\n"));
        assertTrue(files.largest() <= 2 * CAP + 8192 + LogLayout.MAX_MARKER, "largest " + files.largest());
    }

    @Test
    void aLogIsOpenedAgainWhereItWasLeft() throws IOException {
        String first = writeLines(20_000);
        FileRunLog again = new FileRunLog(files, 1, "ca1", CAP);
        again.line("after");
        again.trim();

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes((first + "after\n").getBytes(StandardCharsets.UTF_8));
        String kept = read(0);
        String tail = kept.substring(kept.indexOf('\n') + 1);
        assertTrue(expected.toString(StandardCharsets.UTF_8).endsWith(tail));
        assertTrue(tail.length() <= CAP);
    }
}
