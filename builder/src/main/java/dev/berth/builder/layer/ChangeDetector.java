package dev.berth.builder.layer;

/** Compares two snapshots path by path. */
final class ChangeDetector {
    private ChangeDetector() {}

    static Changes compare(Snapshot before, Snapshot after) {
        throw new UnsupportedOperationException("not yet");
    }

    static Changes allAdded(Snapshot snapshot) {
        throw new UnsupportedOperationException("not yet");
    }
}
