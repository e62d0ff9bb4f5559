package dev.berth.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.SplittableRandom;

/**
 * The large blob: random bytes written once to a file, 1 MiB at a time, and hashed on the way. The digest of its first
 * {@code prefixBytes} is kept too, so the warm-up can push a smaller blob from the same file.
 *
 * @param file where the bytes are
 * @param size how many
 * @param digest the digest of all of them
 * @param prefixBytes the length of the warm-up blob
 * @param prefixDigest the digest of the first {@code prefixBytes}
 */
record RandomBlobFile(Path file, long size, String digest, long prefixBytes, String prefixDigest) {
    private static final int PIECE = 1 << 20;

    static RandomBlobFile create(Path file, long size, long prefixBytes, long seed) throws IOException {
        MessageDigest hasher = Sha256.hasher();
        String prefixDigest = null;
        SplittableRandom random = new SplittableRandom(seed);
        ByteBuffer piece = ByteBuffer.allocate(PIECE).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel out = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            for (long written = 0; written < size; ) {
                if (written == prefixBytes) {
                    prefixDigest = Sha256.format(clone(hasher));
                }
                fill(piece, random, (int)
                        Math.min(PIECE, Math.min(size, nextBoundary(written, prefixBytes)) - written));
                hasher.update(piece.array(), 0, piece.limit());
                while (piece.hasRemaining()) {
                    written += out.write(piece);
                }
            }
        }
        if (prefixDigest == null) {
            throw new IllegalArgumentException(
                    "warm-up prefix " + prefixBytes + " must be shorter than the blob " + size);
        }
        return new RandomBlobFile(file, size, Sha256.format(hasher), prefixBytes, prefixDigest);
    }

    /** Opens the file for the positional reads of {@link FileBody}. */
    FileChannel open() throws IOException {
        return FileChannel.open(file, StandardOpenOption.READ);
    }

    private static long nextBoundary(long written, long prefixBytes) {
        return written < prefixBytes ? prefixBytes : Long.MAX_VALUE;
    }

    private static void fill(ByteBuffer piece, SplittableRandom random, int length) {
        piece.clear();
        while (piece.position() + Long.BYTES <= length) {
            piece.putLong(random.nextLong());
        }
        while (piece.position() < length) {
            piece.put((byte) random.nextInt());
        }
        piece.flip();
    }

    private static MessageDigest clone(MessageDigest hasher) {
        try {
            return (MessageDigest) hasher.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 hasher cannot be cloned", e);
        }
    }
}
