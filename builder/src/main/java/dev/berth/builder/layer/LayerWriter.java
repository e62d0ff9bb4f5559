package dev.berth.builder.layer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes layers as reproducible tars, streamed to a file while both digests are computed. Entries are sorted by
 * path, carry numeric ids only (no user or group names), long names and links use PAX headers, hard links inside
 * the layer are written as tar hard links, and the gzip header holds no name nor time. With a {@code
 * sourceDateEpoch}, later timestamps are clamped to it, so the same tree always gives the same bytes.
 */
public final class LayerWriter {
    private final LayerOptions options;

    public LayerWriter(LayerOptions options) {
        this.options = options;
    }

    /**
     * Writes the layer of a change: every added or modified path and its parent directories, read from the root of
     * {@code changes.after()}, and a whiteout for every deleted path (an opaque whiteout for a replaced directory).
     */
    public LayerBlob write(Changes changes, Path target) throws IOException {
        throw new UnsupportedOperationException("not yet");
    }

    /** Writes a layer holding exactly the given entries, sorted by path. */
    public LayerBlob write(List<LayerEntry> entries, Path target) throws IOException {
        throw new UnsupportedOperationException("not yet");
    }
}
