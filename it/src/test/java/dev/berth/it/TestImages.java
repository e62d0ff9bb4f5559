package dev.berth.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The OCI layouts every test pushes, built once per JVM by {@code scripts/make-test-images} from busybox-static:
 * {@code busybox} (linux/amd64) and {@code multiarch} (an index of linux/amd64 and linux/arm64). Their directory is
 * lowercase, since {@code podman pull oci:PATH} names the image after the path.
 */
final class TestImages {
    private TestImages() {}

    static OciLayout busybox() {
        return new OciLayout(Holder.DIR.resolve("busybox"));
    }

    static OciLayout multiarch() {
        return new OciLayout(Holder.DIR.resolve("multiarch"));
    }

    private static final class Holder {
        static final Path DIR = build();
    }

    private static Path build() {
        Path dir = TempDirs.create("berth-it-images-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> TempDirs.delete(dir), "berth-it-images-cleanup"));
        Path script = Path.of(System.getProperty("berth.scripts", "../scripts"), "make-test-images");
        Command.run(List.of(script.toString(), dir.toString()), Map.of(), Duration.ofMinutes(1));
        return dir;
    }
}
