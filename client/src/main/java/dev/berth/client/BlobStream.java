package dev.berth.client;

import dev.berth.client.RegistryClientException.Kind;
import dev.berth.core.oci.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * A blob's bytes as the registry streams them, hashed on the way: the read that reaches the end fails unless the
 * bytes match the digest (and the length the registry announced), so a caller that reads to the end has verified
 * content. Every other failure of a read is a {@link RegistryClientException} too.
 */
public final class BlobStream extends InputStream {
    private final InputStream in;
    private final Digest digest;
    private final long size;
    private final String origin;
    private final MessageDigest hasher;
    private long read;
    private boolean verified;

    /** @param size the length the registry announced, or -1 */
    public BlobStream(InputStream in, Digest digest, long size, String origin) {
        this.in = in;
        this.digest = digest;
        this.size = size;
        this.origin = origin;
        this.hasher = digest.algorithm().newHasher();
    }

    public Digest digest() {
        return digest;
    }

    /** The length the registry announced, or -1 when it did not. */
    public long size() {
        return size;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n;
        try {
            n = in.read(b, off, len);
        } catch (RegistryClientException e) {
            throw e;
        } catch (IOException e) {
            throw new RegistryClientException(
                    Failures.isTimeout(e) ? Kind.TIMEOUT : Kind.UNREACHABLE,
                    "reading blob " + digest + " from " + origin + " failed after " + read + " bytes: "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                    e);
        }
        if (n < 0) {
            verify();
            return -1;
        }
        hasher.update(b, off, n);
        read += n;
        return n;
    }

    private void verify() throws RegistryClientException {
        if (verified) {
            return;
        }
        if (size >= 0 && read != size) {
            throw new RegistryClientException(
                    Kind.INVALID_RESPONSE,
                    "blob " + digest + " from " + origin + " ended after " + read + " of " + size + " bytes");
        }
        Digest actual = Digest.fromHasher(digest.algorithm(), hasher);
        if (!actual.equals(digest)) {
            throw new RegistryClientException(
                    Kind.INVALID_RESPONSE, "blob " + digest + " from " + origin + " has the content of " + actual);
        }
        verified = true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
