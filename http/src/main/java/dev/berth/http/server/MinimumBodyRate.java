package dev.berth.http.server;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * A request whose body fails to be read once it has arrived slower than the minimum rate for longer than the grace
 * period, on average since the handler first asked for it: a client dribbling a byte a second is cut off, one sending
 * a large layer at a few MB/s is not. Time the server spends between reads counts too, which matters only when the
 * server itself is slower than the minimum. The handler's read fails with {@link ErrorCode#REQUEST_TIMEOUT} (408),
 * answered in the endpoint's format, and the connection is closed after the answer.
 */
final class MinimumBodyRate extends Request.Wrapper {
    private final long bytesPerSecond;
    private final long graceNanos;
    private long firstRead;
    private long bytes;
    private Content.Chunk failure;

    private MinimumBodyRate(Request request, SlowClients limits) {
        super(request);
        this.bytesPerSecond = limits.minBodyBytesPerSecond();
        this.graceNanos = limits.bodyGrace().toNanos();
    }

    /** The request, held to the minimum body rate unless that is off. */
    static Request of(Request request, SlowClients limits) {
        return limits.minBodyBytesPerSecond() == 0 ? request : new MinimumBodyRate(request, limits);
    }

    @Override
    public Content.Chunk read() {
        if (failure != null) {
            return failure;
        }
        long now = System.nanoTime();
        if (firstRead == 0) {
            firstRead = now;
        }
        Content.Chunk chunk = super.read();
        if (chunk == null || chunk.isLast()) {
            return chunk;
        }
        bytes += chunk.remaining();
        long elapsed = now - firstRead;
        if (elapsed > graceNanos && bytes < (double) bytesPerSecond * elapsed / 1e9) {
            chunk.release();
            failure = Content.Chunk.from(new RegistryException(
                    ErrorCode.REQUEST_TIMEOUT, "the request body arrived slower than " + bytesPerSecond + " bytes/s"));
            return failure;
        }
        return chunk;
    }
}
