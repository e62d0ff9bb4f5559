package dev.berth.builder.layer;

import java.io.IOException;

/**
 * A path that would leave its root filesystem: a tar entry or link named with {@code ..} or an absolute path, or a
 * symbolic link whose target climbs above the root. The builder refuses such paths rather than clamping them when
 * it unpacks a layer.
 */
public final class UnsafePathException extends IOException {
    private static final long serialVersionUID = 1L;

    public UnsafePathException(String message) {
        super(message);
    }
}
