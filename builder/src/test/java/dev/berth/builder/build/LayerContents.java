package dev.berth.builder.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** A gzip layer tar read back in full: each entry's header and content, by path without a leading {@code ./}. */
record LayerContents(Map<String, TarArchiveEntry> entries, Map<String, byte[]> contents) {

    static LayerContents read(Path blob) throws IOException {
        Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
        Map<String, byte[]> contents = new LinkedHashMap<>();
        try (InputStream file = Files.newInputStream(blob);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                String name = name(entry.getName());
                entries.put(name, entry);
                contents.put(name, tar.readAllBytes());
            }
        }
        return new LayerContents(entries, contents);
    }

    TarArchiveEntry entry(String path) {
        return Optional.ofNullable(entries.get(path))
                .orElseThrow(() -> new AssertionError(path + " not in the layer: " + entries.keySet()));
    }

    String text(String path) {
        entry(path);
        return new String(contents.get(path), StandardCharsets.UTF_8);
    }

    boolean has(String path) {
        return entries.containsKey(path);
    }

    /** The entry's permission bits, as {@code 0644}. */
    String mode(String path) {
        return String.format("%04o", entry(path).getMode() & 07777);
    }

    private static String name(String raw) {
        String name = raw.startsWith("./") ? raw.substring(2) : raw;
        return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    }
}
