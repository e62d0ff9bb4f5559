package dev.berth.bench;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Consumes a response body by hashing every byte through a 1 MiB buffer, keeping none of them. The buffer is one per
 * client thread: a fresh 1 MiB array per small pull would be a humongous allocation for G1 and cost more than the
 * request.
 */
final class HashingBody implements ResponseBody<HashingBody.Hashed> {
    /** What arrived: its digest and length. */
    record Hashed(String digest, long bytes) {}

    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[1 << 20]);

    @Override
    public Hashed read(InputStream in) throws IOException {
        MessageDigest hasher = Sha256.hasher();
        byte[] buffer = BUFFER.get();
        long bytes = 0;
        for (int read; (read = in.read(buffer)) > 0; ) {
            hasher.update(buffer, 0, read);
            bytes += read;
        }
        return new Hashed(Sha256.format(hasher), bytes);
    }
}
