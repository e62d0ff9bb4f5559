package dev.berth.builder.runtime.runc;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The empty files and directories runc creates in the root filesystem to mount over ({@code /proc} in a scratch
 * rootfs, {@code /etc/resolv.conf}, a {@code RUN --mount} target). They are not the process's doing, so they must not
 * end up in the step's layer: they are noted before the run and removed after it, if still empty. Runs sharing a
 * rootfs at once share its stubs, which the last of them to end removes (an earlier one would pull a mount target
 * from under a container still starting).
 */
public final class MountStubs {
    private static final Map<Path, MountStubs> BY_ROOTFS = new HashMap<>();

    private final Path rootfs;
    private final List<Path> created = new ArrayList<>();
    private int users;

    private MountStubs(Path rootfs) {
        this.rootfs = rootfs;
    }

    /** Notes, for each target, the outermost path that does not exist yet in the rootfs. */
    public static MountStubs before(Path rootfs, List<String> targets) {
        synchronized (BY_ROOTFS) {
            MountStubs stubs = BY_ROOTFS.computeIfAbsent(rootfs.toAbsolutePath(), MountStubs::new);
            stubs.users++;
            for (String target : targets) {
                stubs.firstMissing(rootfs, target);
            }
            return stubs;
        }
    }

    /** Removes what runc created, where it is still an empty stub, once no run on the rootfs is left; best effort. */
    public void removeEmpty() {
        synchronized (BY_ROOTFS) {
            if (--users > 0) {
                return;
            }
            BY_ROOTFS.remove(rootfs);
            for (Path path : created.reversed()) {
                try {
                    removeIfEmpty(path);
                } catch (IOException e) {
                    // left in place: a stub the process wrote into, or one runc still holds
                }
            }
        }
    }

    private void firstMissing(Path rootfs, String target) {
        Path path = rootfs;
        for (Path part : Path.of(target).normalize()) {
            path = path.resolve(part);
            if (Files.isSymbolicLink(path)) {
                return;
            }
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                if (!created.contains(path)) {
                    created.add(path);
                }
                return;
            }
        }
    }

    private static void removeIfEmpty(Path path) throws IOException {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> children = Files.newDirectoryStream(path)) {
                for (Path child : children) {
                    removeIfEmpty(child);
                }
            }
            Files.deleteIfExists(path);
        } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) && Files.size(path) == 0) {
            Files.deleteIfExists(path);
        }
    }
}
