package dev.berth.http.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * A plain TCP endpoint that can send part of a file with {@code sendfile}: the kernel hands page-cache pages to the
 * socket, with no copy into user memory and back. Jetty writes only buffers, so a handler gives Jetty a buffer that
 * stands for the file's bytes (a memory-mapped window of the file, which costs nothing until it is read) after
 * {@linkplain #sendAsFile registering} it; when Jetty flushes that buffer, this endpoint sends the file range it stands
 * for instead and advances the buffer by what went, so Jetty's framing, length checks and write-readiness waits work as
 * for any buffer. A buffer not registered, or one Jetty copied, is written as usual: the window holds the same bytes,
 * so only the cost differs.
 */
final class FileSendingEndPoint extends SocketChannelEndPoint {
    /** Few at a time (one window in flight), so a list compared by identity: buffers' equals compares content. */
    private volatile List<FileRange> ranges = List.of();

    /** The file bytes a buffer stands for: the buffer's index 0 is the file's {@code offset}. */
    private record FileRange(ByteBuffer buffer, FileChannel file, long offset) {}

    FileSendingEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key, Scheduler scheduler) {
        super(channel, selector, key, scheduler);
    }

    /**
     * Until {@link #forget} is called, a flush of exactly this buffer instance sends the file's bytes from
     * {@code offset + buffer.position()} instead. The buffer must hold those same bytes.
     */
    synchronized void sendAsFile(ByteBuffer buffer, FileChannel file, long offset) {
        List<FileRange> more = new ArrayList<>(ranges);
        more.add(new FileRange(buffer, file, offset));
        ranges = List.copyOf(more);
    }

    synchronized void forget(ByteBuffer buffer) {
        ranges = ranges.stream().filter(range -> range.buffer() != buffer).toList();
    }

    private FileRange rangeOf(ByteBuffer buffer) {
        for (FileRange range : ranges) {
            if (range.buffer() == buffer) {
                return range;
            }
        }
        return null;
    }

    @Override
    public boolean flush(ByteBuffer... buffers) throws IOException {
        if (ranges.isEmpty()) {
            return super.flush(buffers);
        }
        for (ByteBuffer buffer : buffers) {
            if (buffer.hasRemaining() && !flushOne(buffer)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Flushes one buffer as far as the socket takes it, sending again while the socket still takes more (one
     * {@code sendfile} may stop short of what the socket would take), so Jetty waits for writability only when the
     * socket is full; true when all of it went.
     */
    private boolean flushOne(ByteBuffer buffer) throws IOException {
        FileRange range = rangeOf(buffer);
        if (range == null) {
            return super.flush(buffer);
        }
        long sent;
        do {
            try {
                sent = range.file().transferTo(range.offset() + buffer.position(), buffer.remaining(), getChannel());
            } catch (IOException e) {
                throw new EofException(e);
            }
            if (sent > 0) {
                notIdle();
                buffer.position(buffer.position() + (int) sent);
            }
        } while (sent > 0 && buffer.hasRemaining());
        return !buffer.hasRemaining();
    }
}
