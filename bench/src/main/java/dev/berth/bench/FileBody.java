package dev.berth.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A request body streamed from a range of a file through one 1 MiB buffer, so a 1 GiB push never holds more than
 * that in memory. Reads are positional, so many bodies can share one channel.
 */
record FileBody(FileChannel file, long offset, long length) implements RequestBody {
    private static final int PIECE = 1 << 20;

    @Override
    public void writeTo(OutputStream out) throws IOException {
        byte[] piece = new byte[(int) Math.min(PIECE, Math.max(1, length))];
        ByteBuffer buffer = ByteBuffer.wrap(piece);
        for (long position = offset, end = offset + length; position < end; ) {
            buffer.clear().limit((int) Math.min(piece.length, end - position));
            int read = file.read(buffer, position);
            if (read < 0) {
                throw new IOException("file ended at " + position);
            }
            out.write(piece, 0, read);
            position += read;
        }
    }
}
