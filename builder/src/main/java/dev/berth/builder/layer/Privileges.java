package dev.berth.builder.layer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether this process may chown files and create devices. */
final class Privileges {
    private static final boolean ROOT = readIsRoot();

    private Privileges() {}

    static boolean isRoot() {
        return ROOT;
    }

    private static boolean readIsRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
