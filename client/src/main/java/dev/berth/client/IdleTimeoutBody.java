package dev.berth.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body read as a stream in which every read fails when nothing arrives for the idle timeout. The JDK's own
 * {@code ofInputStream} would wait forever on a server that stalls midway; this one asks for one batch of buffers at a
 * time, so it never holds more than a batch, and gives up with {@link HttpTimeoutException}.
 */
final class IdleTimeoutBody extends InputStream implements HttpResponse.BodySubscriber<InputStream> {
    private static final Object END = new Object();

    private final BlockingQueue<Object> arrived = new LinkedBlockingQueue<>();
    private final long idleNanos;
    private final Duration idle;
    private volatile Flow.Subscription subscription;
    private Iterator<ByteBuffer> batch = Collections.emptyIterator();
    private ByteBuffer current;
    private boolean finished;
    private boolean closed;

    IdleTimeoutBody(Duration idle) {
        this.idle = idle;
        this.idleNanos = idle.toNanos();
    }

    static HttpResponse.BodyHandler<InputStream> handler(Duration idle) {
        return info -> new IdleTimeoutBody(idle);
    }

    @Override
    public CompletionStage<InputStream> getBody() {
        return CompletableFuture.completedStage(this);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        arrived.add(buffers);
    }

    @Override
    public void onError(Throwable error) {
        arrived.add(error);
    }

    @Override
    public void onComplete() {
        arrived.add(END);
    }

    @Override
    public int read() throws IOException {
        ByteBuffer buffer = buffer();
        return buffer == null ? -1 : buffer.get() & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        ByteBuffer buffer = buffer();
        if (buffer == null) {
            return -1;
        }
        int n = Math.min(len, buffer.remaining());
        buffer.get(b, off, n);
        return n;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            Flow.Subscription s = subscription;
            if (s != null && !finished) {
                s.cancel();
            }
        }
    }

    /** The buffer to read from next, waiting for one if need be; null at the end of the body. */
    private ByteBuffer buffer() throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        while (current == null || !current.hasRemaining()) {
            if (batch.hasNext()) {
                current = batch.next();
            } else if (finished) {
                return null;
            } else {
                next();
            }
        }
        return current;
    }

    private void next() throws IOException {
        Object item = take();
        if (item == END) {
            finished = true;
        } else if (item instanceof Throwable error) {
            finished = true;
            throw error instanceof IOException io ? io : new IOException(error.getMessage(), error);
        } else {
            @SuppressWarnings("unchecked")
            List<ByteBuffer> buffers = (List<ByteBuffer>) item;
            batch = buffers.iterator();
            subscription.request(1);
        }
    }

    private Object take() throws IOException {
        try {
            Object item = arrived.poll(idleNanos, TimeUnit.NANOSECONDS);
            if (item == null) {
                close();
                throw new HttpTimeoutException("no data for " + idle.toMillis() + " ms");
            }
            return item;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new InterruptedIOException("interrupted while reading a response");
        }
    }
}
