package dev.berth.http.server;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.util.component.AbstractLifeCycle;

/**
 * Cuts HTTP connections whose request head (request line and headers) does not arrive whole within the deadline of
 * its first byte: a client that trickles a header line every few seconds is closed after the deadline rather than
 * when it stops (Jetty's idle timeout restarts with every byte). A connection is waiting for a head when every request
 * it brought has been answered; a head has started when bytes came in since; it has ended when the connection counts
 * one more request. Checked a few times per deadline on one thread of its own.
 */
final class RequestHeadDeadline extends AbstractLifeCycle implements Connection.Listener {
    private static final System.Logger LOG = System.getLogger("berth.http");

    private final long deadlineNanos;
    private final Map<Connection, Watch> watched = new ConcurrentHashMap<>();
    private ScheduledExecutorService ticker;

    /** What is known of one connection's wait for its next request head. */
    private static final class Watch {
        long requests = -1;
        long bytesWhenAnswered;
        long headStarted = -1;
    }

    RequestHeadDeadline(Duration deadline) {
        this.deadlineNanos = deadline.toNanos();
    }

    @Override
    protected void doStart() {
        long tick = Math.clamp(deadlineNanos / 4, TimeUnit.MILLISECONDS.toNanos(50), TimeUnit.SECONDS.toNanos(1));
        ticker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("berth-http-deadlines").factory());
        ticker.scheduleAtFixedRate(this::check, tick, tick, TimeUnit.NANOSECONDS);
    }

    @Override
    protected void doStop() {
        ticker.shutdownNow();
        watched.clear();
    }

    @Override
    public void onOpened(Connection connection) {
        // only the HTTP connection reads request heads; one under TLS sits on a TLS connection, which is not watched
        if (connection instanceof ConnectionMetaData) {
            watched.put(connection, new Watch());
        }
    }

    @Override
    public void onClosed(Connection connection) {
        watched.remove(connection);
    }

    private void check() {
        long now = System.nanoTime();
        watched.forEach((connection, watch) -> {
            if (overdue(connection, watch, now)) {
                LOG.log(Level.DEBUG, "closing a connection whose request head took longer than the deadline");
                watched.remove(connection);
                connection.getEndPoint().close();
            }
        });
    }

    private boolean overdue(Connection connection, Watch watch, long now) {
        long requests = connection.getMessagesIn();
        if (requests > connection.getMessagesOut()) {
            watch.headStarted = -1;
            return false;
        }
        long bytes = connection.getBytesIn();
        if (watch.requests != requests) {
            watch.requests = requests;
            watch.bytesWhenAnswered = requests == 0 ? 0 : bytes;
            watch.headStarted = requests == 0 && bytes > 0 ? now : -1;
            return false;
        }
        if (watch.headStarted < 0 && bytes != watch.bytesWhenAnswered) {
            watch.headStarted = now;
        }
        return watch.headStarted >= 0 && now - watch.headStarted > deadlineNanos;
    }
}
