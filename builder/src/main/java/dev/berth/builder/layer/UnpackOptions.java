package dev.berth.builder.layer;

import java.util.Optional;

/**
 * How a tar is applied onto a root filesystem.
 *
 * @param whiteouts true for image layers ({@code .wh.} entries delete, {@code .wh..wh..opq} empties a directory);
 *     false for {@code ADD} archives, where such names are ordinary files
 * @param preserveOwnership chown entries to the archive's numeric uid and gid (needs root)
 * @param owner when present, every entry is owned by this instead ({@code ADD --chown})
 * @param createDevices create character and block devices (needs root); skipped with a warning otherwise
 */
public record UnpackOptions(
        boolean whiteouts, boolean preserveOwnership, Optional<Owner> owner, boolean createDevices) {

    /** For image layers: whiteouts honoured, ownership and devices kept when running as root. */
    public static UnpackOptions forLayers() {
        boolean root = Privileges.isRoot();
        return new UnpackOptions(true, root, Optional.empty(), root);
    }

    /** For {@code ADD} archives: no whiteouts, ownership from the archive (when root) unless an owner is given. */
    public static UnpackOptions forArchive(Optional<Owner> owner) {
        boolean root = Privileges.isRoot();
        return new UnpackOptions(false, root, owner, root);
    }

    /** A numeric owner and group. */
    public record Owner(int uid, int gid) {}
}
