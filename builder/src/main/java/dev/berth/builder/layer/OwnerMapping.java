package dev.berth.builder.layer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Host owners as the image should record them. As root, ids are what they are. Rootless, a build's container runs in
 * a user namespace that maps this process's user and group to root, so whatever a step wrote as root is owned by
 * this process on the host: those ids are written back as 0. (Only one id is mapped, so no other owner can arise.)
 */
final class OwnerMapping {
    private static final OwnerMapping CURRENT = read();

    private final int hostUid;
    private final int hostGid;

    private OwnerMapping(int hostUid, int hostGid) {
        this.hostUid = hostUid;
        this.hostGid = hostGid;
    }

    /** The mapping of this process: none as root, the process's ids to 0 otherwise. */
    static OwnerMapping current() {
        return CURRENT;
    }

    int uid(int uid) {
        return uid == hostUid ? 0 : uid;
    }

    int gid(int gid) {
        return gid == hostGid ? 0 : gid;
    }

    private static OwnerMapping read() {
        if (Privileges.isRoot()) {
            return new OwnerMapping(0, 0);
        }
        try {
            Path self = Path.of("/proc/self");
            return new OwnerMapping(
                    (Integer) Files.getAttribute(self, "unix:uid"), (Integer) Files.getAttribute(self, "unix:gid"));
        } catch (IOException | UnsupportedOperationException e) {
            return new OwnerMapping(0, 0);
        }
    }
}
