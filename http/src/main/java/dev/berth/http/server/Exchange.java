package dev.berth.http.server;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;

/**
 * One request and its response, as Berth's handlers see them. The only type in the handlers that touches Jetty;
 * everything it offers blocks, which is cheap on the virtual thread each request runs on.
 */
public final class Exchange {
    private static final int STREAM_BUFFER = 1024 * 1024;
    private static final long MAPPED_WINDOW = 16L * 1024 * 1024;
    /**
     * At most this much of a request body the handler left unread is read and dropped before the response. Closing a
     * connection with unread input makes the kernel reset it, which can destroy the response on its way, so a body
     * of a declared size up to this is read whole; a larger one is not read at all.
     */
    private static final int DRAIN_LIMIT = 8 * 1024 * 1024;

    private final Request request;
    private final Response response;
    private final String requestId;
    private Map<String, List<String>> query;
    private boolean committed;

    Exchange(Request request, Response response, String requestId) {
        this.request = request;
        this.response = response;
        this.requestId = requestId;
    }

    public String requestId() {
        return requestId;
    }

    public String method() {
        return request.getMethod();
    }

    public boolean isHead() {
        return "HEAD".equals(request.getMethod());
    }

    /** The decoded path. */
    public String path() {
        return request.getHttpURI().getDecodedPath();
    }

    public String host() {
        String authority = request.getHttpURI().getAuthority();
        return authority == null ? "" : authority;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(request.getHeaders().get(name));
    }

    /** Every value of a header, split at commas. */
    public List<String> headerValues(String name) {
        return request.getHeaders().getCSV(name, false);
    }

    /**
     * The first value of a query parameter. A query string that is not valid percent-encoded UTF-8 is the client's
     * mistake, refused with {@link ErrorCode#INVALID_REQUEST} in the endpoint's own error format.
     */
    public Optional<String> query(String name) {
        return queryValues(name).stream().findFirst();
    }

    /** Every value of a query parameter that may repeat, such as {@code scope}. */
    public List<String> queryValues(String name) {
        if (query == null) {
            try {
                query = UrlForm.decode(request.getHttpURI().getQuery());
            } catch (IllegalArgumentException e) {
                throw new RegistryException(ErrorCode.INVALID_REQUEST, "malformed query string: " + e.getMessage());
            }
        }
        return query.getOrDefault(name, List.of());
    }

    /** {@code http} or {@code https}, as the client reached the server. */
    public String scheme() {
        return request.isSecure() ? "https" : "http";
    }

    /** Attaches a value to this exchange for later handlers, keyed by its type. */
    public <T> void attach(Class<T> type, T value) {
        request.setAttribute(type.getName(), value);
    }

    /** A value attached earlier, if any. */
    public <T> Optional<T> attached(Class<T> type) {
        return Optional.ofNullable(type.cast(request.getAttribute(type.getName())));
    }

    /** The declared body length, or empty when the body is chunked or absent. */
    public Optional<Long> contentLength() {
        long length = request.getLength();
        return length < 0 ? Optional.empty() : Optional.of(length);
    }

    /** The request body; it is also a {@link dev.berth.core.spi.BufferedBody}, for stores that take buffers. */
    public InputStream body() {
        return new RequestBody(request);
    }

    /** Reads the body whole, failing when it is longer than the limit. */
    public byte[] bodyBytes(int limit) throws IOException {
        byte[] bytes = body().readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw new BodyTooLargeException();
        }
        return bytes;
    }

    public String clientAddress() {
        return Request.getRemoteAddr(request);
    }

    public Exchange header(String name, String value) {
        response.getHeaders().put(name, value);
        return this;
    }

    public Exchange status(int status) {
        response.setStatus(status);
        return this;
    }

    public boolean isCommitted() {
        return committed || response.isCommitted();
    }

    /** Ends the response with no body. */
    public void send(int status) throws IOException {
        status(status);
        header("Content-Length", "0");
        write(ByteBuffer.allocate(0));
    }

    /** Ends the response with a body, omitted (but measured) for HEAD. */
    public void send(int status, String contentType, byte[] body) throws IOException {
        status(status);
        header("Content-Type", contentType);
        header("Content-Length", Long.toString(body.length));
        write(isHead() ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body));
    }

    /**
     * Sends part of a body whose length is not known in advance (chunked on HTTP/1.1), at once; set the status and
     * headers first, and end with {@link #endParts()}. An empty part sends only the status and headers.
     */
    public void sendPart(byte[] part) throws IOException {
        settleBody();
        committed = true;
        blockingWrite(false, ByteBuffer.wrap(part));
    }

    /** Ends a body sent in parts. */
    public void endParts() throws IOException {
        committed = true;
        blockingWrite(true, ByteBuffer.allocate(0));
    }

    /**
     * Ends the response with {@code length} bytes of the channel; the caller sets the status and length. Two pooled
     * buffers take turns, so the next one is read from the channel while the last one is on its way to the client.
     */
    public void stream(ReadableByteChannel channel, long length) throws IOException {
        settleBody();
        committed = true;
        if (isHead() || length == 0) {
            blockingWrite(true, ByteBuffer.allocate(0));
            return;
        }
        int size = (int) Math.min(STREAM_BUFFER, length);
        ByteBufferPool pool = request.getComponents().getByteBufferPool();
        RetainableByteBuffer[] buffers = {pool.acquire(size, true), pool.acquire(size, true)};
        Callback.Completable inFlight = null;
        try {
            long remaining = length;
            for (int turn = 0; remaining > 0; turn ^= 1) {
                ByteBuffer buffer = buffers[turn].getByteBuffer();
                buffer.clear().limit((int) Math.min(size, remaining));
                remaining -= fill(channel, buffer, remaining);
                awaitWrite(inFlight);
                inFlight = new Callback.Completable();
                response.write(remaining == 0, buffer.flip(), inFlight);
            }
            awaitWrite(inFlight);
        } finally {
            buffers[0].release();
            buffers[1].release();
        }
    }

    /**
     * Ends the response with {@code length} bytes of a file from {@code offset}. Over plain TCP the kernel sends the
     * file's pages itself ({@code sendfile}, through {@link FileSendingEndPoint}); over TLS the bytes are encrypted
     * from memory-mapped windows of the file, not copied through a buffer first. Either way Jetty is handed one
     * mapped window at a time: the next is mapped while the last one is being sent, and each is unmapped as soon as
     * it has gone.
     */
    public void stream(FileChannel file, long offset, long length) throws IOException {
        settleBody();
        committed = true;
        if (isHead() || length == 0) {
            blockingWrite(true, ByteBuffer.allocate(0));
            return;
        }
        FileSendingEndPoint sendfile = fileSendingEndPoint();
        Arena sending = null;
        ByteBuffer sent = null;
        Callback.Completable inFlight = null;
        try {
            for (long position = offset, end = offset + length; position < end; ) {
                long size = Math.min(MAPPED_WINDOW, end - position);
                Arena arena = Arena.ofShared();
                MemorySegment window;
                try {
                    window = file.map(FileChannel.MapMode.READ_ONLY, position, size, arena);
                } catch (IOException | RuntimeException e) {
                    arena.close();
                    throw e;
                }
                long windowStart = position;
                position += size;
                awaitWrite(inFlight);
                forget(sendfile, sent);
                close(sending);
                sending = arena;
                sent = window.asByteBuffer();
                if (sendfile != null) {
                    sendfile.sendAsFile(sent, file, windowStart);
                }
                inFlight = new Callback.Completable();
                response.write(position == end, sent, inFlight);
            }
            awaitWrite(inFlight);
        } finally {
            if (inFlight != null) {
                inFlight.exceptionally(failure -> null).join();
            }
            forget(sendfile, sent);
            close(sending);
        }
    }

    /** The connection's endpoint when it can send files with {@code sendfile} (plain TCP), else null. */
    private FileSendingEndPoint fileSendingEndPoint() {
        return request.getConnectionMetaData().getConnection().getEndPoint() instanceof FileSendingEndPoint endPoint
                ? endPoint
                : null;
    }

    private static void forget(FileSendingEndPoint endPoint, ByteBuffer buffer) {
        if (endPoint != null && buffer != null) {
            endPoint.forget(buffer);
        }
    }

    private static void close(Arena arena) {
        if (arena != null) {
            arena.close();
        }
    }

    /** Reads until the buffer is full, so each write is as large as it can be. */
    private static int fill(ReadableByteChannel channel, ByteBuffer buffer, long remaining) throws IOException {
        int total = 0;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer);
            if (read < 0) {
                throw new IOException("blob ended " + (remaining - total) + " bytes early");
            }
            total += read;
        }
        return total;
    }

    private static void awaitWrite(Callback.Completable write) throws IOException {
        if (write == null) {
            return;
        }
        try {
            write.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while sending");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    private void write(ByteBuffer body) throws IOException {
        settleBody();
        committed = true;
        blockingWrite(true, body);
    }

    /**
     * Reads and drops what the handler left of the request body (a request refused before its body was read), so
     * the connection can carry the client's next request; when more is left than is worth reading, tells the client
     * the connection closes. Otherwise Jetty closes it after a response that promised keep-alive, and a client that
     * reuses it fails with a broken pipe.
     */
    private void settleBody() {
        if (committed) {
            return;
        }
        if (!mayHaveBody()) {
            return;
        }
        if (contentLength().orElse(0L) > DRAIN_LIMIT) {
            header("Connection", "close");
            return;
        }
        if (!drained()) {
            header("Connection", "close");
        }
    }

    /** Whether the request declares a body (most GETs and HEADs do not, and then there is nothing to settle). */
    private boolean mayHaveBody() {
        return request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    }

    /**
     * Reads and releases what is left of the body, up to {@link #DRAIN_LIMIT}, without copying it anywhere; true
     * when the body ended within the limit.
     */
    private boolean drained() {
        long drained = 0;
        while (drained <= DRAIN_LIMIT) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                awaitBody();
                continue;
            }
            drained += chunk.remaining();
            boolean last = chunk.isLast();
            boolean failed = Content.Chunk.isFailure(chunk);
            chunk.release();
            if (last || failed) {
                // a broken body cannot leave the connection reusable either
                return !failed;
            }
        }
        return false;
    }

    private void awaitBody() {
        try (Blocker.Runnable blocker = Blocker.runnable()) {
            request.demand(blocker);
            blocker.block();
        } catch (IOException e) {
            // read() reports the failure as a chunk on the next turn
        }
    }

    private void blockingWrite(boolean last, ByteBuffer buffer) throws IOException {
        try (Blocker.Callback blocker = Blocker.callback()) {
            response.write(last, buffer, blocker);
            blocker.block();
        }
    }

    /** The request body was longer than the handler accepts. */
    public static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;
    }
}
