package dev.berth.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** The entry names of a gzipped tar layer (ustar and GNU headers; long GNU names are skipped, not needed here). */
final class TarEntries {
    private static final int BLOCK = 512;

    private TarEntries() {}

    static List<String> namesInGzip(byte[] layer) {
        try (InputStream tar = new GZIPInputStream(new ByteArrayInputStream(layer))) {
            return names(tar);
        } catch (IOException e) {
            throw new UncheckedIOException("not a gzipped tar", e);
        }
    }

    private static List<String> names(InputStream tar) throws IOException {
        List<String> names = new ArrayList<>();
        byte[] header = new byte[BLOCK];
        while (tar.readNBytes(header, 0, BLOCK) == BLOCK && header[0] != 0) {
            String prefix = field(header, 345, 155);
            String name = field(header, 0, 100);
            names.add(prefix.isEmpty() ? name : prefix + "/" + name);
            String octalSize = field(header, 124, 12).strip();
            long size = octalSize.isEmpty() ? 0 : Long.parseLong(octalSize, 8);
            tar.skipNBytes((size + BLOCK - 1) / BLOCK * BLOCK);
        }
        return names;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }
}
