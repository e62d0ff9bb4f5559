package dev.berth.bench;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests in the OCI form {@code sha256:<hex>}. */
final class Sha256 {
    private Sha256() {}

    static MessageDigest hasher() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    static String of(byte[] bytes) {
        MessageDigest hasher = hasher();
        hasher.update(bytes);
        return format(hasher);
    }

    /** Finishes the hasher and formats its digest. */
    static String format(MessageDigest hasher) {
        return "sha256:" + HexFormat.of().formatHex(hasher.digest());
    }
}
