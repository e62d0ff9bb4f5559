package dev.berth.http.server;

import java.io.Closeable;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Berth's HTTP server, on Jetty 12 with every request on a virtual thread. Stopping it is graceful: it stops
 * accepting, lets requests in flight finish for up to the grace period, then closes.
 */
public final class HttpServer implements Closeable {
    private static final System.Logger LOG = System.getLogger("berth.http");

    /** Where and how to listen. */
    public record Settings(String host, int port, Duration idleTimeout, int maxHeaderBytes, Duration stopGrace) {}

    private final Server server;
    private final ServerConnector connector;

    public HttpServer(Settings settings, List<Endpoint> endpoints) {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("berth-http");
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        // Pools buffers up to 1 MiB (Jetty's default stops at 64 KiB), so streaming a blob reuses its buffers.
        server = new Server(threads, null, new ArrayByteBufferPool(0, 4096, 1 << 20));
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(true);
        http.setRequestHeaderSize(settings.maxHeaderBytes());
        // Empty segments ("/v2//a") reach the endpoints, which refuse them in their own error format; the other
        // ambiguous forms (an encoded "/" or "..") stay refused by Jetty.
        http.setUriCompliance(UriCompliance.DEFAULT.with("berth", UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT));
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        connector.setIdleTimeout(settings.idleTimeout().toMillis());
        server.addConnector(connector);
        server.setHandler(new GracefulHandler(new BerthHandler(endpoints)));
        server.setStopTimeout(settings.stopGrace().toMillis());
        server.setStopAtShutdown(false);
    }

    public void start() throws Exception {
        server.start();
    }

    /** The address it listens on, with the real port when 0 was asked for. */
    public InetSocketAddress address() {
        return new InetSocketAddress(
                connector.getHost() == null ? "0.0.0.0" : connector.getHost(), connector.getLocalPort());
    }

    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (TimeoutException e) {
            // the grace period ran out with connections still open (idle keep-alives, or requests that would not
            // finish); Jetty has closed them, which is what the grace period is for
            LOG.log(System.Logger.Level.INFO, "stopped after the shutdown grace period ran out");
        } catch (Exception e) {
            throw new IllegalStateException("HTTP server did not stop cleanly", e);
        }
    }
}
