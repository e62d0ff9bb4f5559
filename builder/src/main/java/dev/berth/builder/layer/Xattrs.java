package dev.berth.builder.layer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/** Applies the extended attributes a tar entry carries in {@code SCHILY.xattr.} PAX headers, best effort. */
final class Xattrs {
    private static final String PAX_PREFIX = "SCHILY.xattr.";

    private Xattrs() {}

    static void apply(TarArchiveEntry entry, String path, Path host, Warnings warnings) {
        for (Map.Entry<String, String> header : entry.getExtraPaxHeaders().entrySet()) {
            if (!header.getKey().startsWith(PAX_PREFIX)) {
                continue;
            }
            String name = header.getKey().substring(PAX_PREFIX.length());
            try {
                FileMetadata.setXattr(host, name, header.getValue().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                warnings.add("xattr " + name + " of " + path + " not applied: " + e.getMessage());
            }
        }
    }
}
