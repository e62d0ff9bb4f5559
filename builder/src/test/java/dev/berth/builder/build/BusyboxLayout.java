package dev.berth.builder.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The busybox OCI layout of {@code scripts/make-test-images} (busybox-static in one layer, tag {@code latest}),
 * made once per JVM into a temp directory.
 */
final class BusyboxLayout {
    private BusyboxLayout() {}

    static Path path() {
        return Holder.LAYOUT;
    }

    /** The multi-platform layout made beside it (an index of linux/amd64 and linux/arm64, tag {@code latest}). */
    static Path multiarch() {
        return Holder.LAYOUT.resolveSibling("multiarch");
    }

    private static final class Holder {
        static final Path LAYOUT = make();
    }

    private static Path make() {
        try {
            Path dir = Files.createTempDirectory("berth-builder-images-");
            Path script = Path.of(System.getProperty("berth.scripts", "../scripts"), "make-test-images");
            Process process = new ProcessBuilder(script.toString(), dir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("make-test-images failed");
            }
            return dir.resolve("busybox");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
