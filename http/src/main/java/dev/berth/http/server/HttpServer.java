package dev.berth.http.server;

import java.io.Closeable;
import java.net.InetSocketAddress;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Berth's HTTP server, on Jetty 12 with every request on a virtual thread: plain HTTP, HTTPS on a port of its own, or
 * both. HTTPS is HTTP/1.1 over TLS 1.2 or 1.3 only, and under TLS 1.2 only ECDHE key exchange with AES-GCM or
 * ChaCha20-Poly1305 (forward secrecy and authenticated encryption; TLS 1.3 suites are all of that kind). Stopping it
 * is graceful: it stops accepting, lets requests in flight finish for up to the grace period, then closes.
 */
public final class HttpServer implements Closeable {
    private static final System.Logger LOG = System.getLogger("berth.http");

    private static final int INPUT_BUFFER = 256 * 1024;

    private static final String[] TLS_PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    private static final String[] TLS_CIPHER_SUITES = {
        "TLS_AES_128_GCM_SHA256",
        "TLS_AES_256_GCM_SHA384",
        "TLS_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"
    };

    /**
     * Where and how to listen.
     *
     * @param port the plain HTTP port, used only when {@code httpEnabled}
     * @param tls HTTPS on a port of its own, if wanted; at least one of the two must be on
     */
    public record Settings(
            String host,
            int port,
            Duration idleTimeout,
            int maxHeaderBytes,
            Duration stopGrace,
            boolean httpEnabled,
            Optional<Tls> tls) {
        public Settings {
            if (!httpEnabled && tls.isEmpty()) {
                throw new IllegalArgumentException("neither HTTP nor HTTPS is on");
            }
        }

        /** Plain HTTP only. */
        public Settings(String host, int port, Duration idleTimeout, int maxHeaderBytes, Duration stopGrace) {
            this(host, port, idleTimeout, maxHeaderBytes, stopGrace, true, Optional.empty());
        }
    }

    /** HTTPS on its port, presenting the one private key entry of the key store (and its chain). */
    public record Tls(int port, KeyStore keyStore, char[] keyStorePassword) {}

    private final Server server;
    private final Optional<ServerConnector> plain;
    private final Optional<ServerConnector> secure;

    public HttpServer(Settings settings, List<Endpoint> endpoints) {
        this(settings, SlowClients.DEFAULTS, endpoints);
    }

    /** A server that cuts off clients slower than the limits allow. */
    public HttpServer(Settings settings, SlowClients slowClients, List<Endpoint> endpoints) {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("berth-http");
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        // Pools buffers up to 1 MiB (Jetty's default stops at 64 KiB), so streaming a blob reuses its buffers.
        server = new Server(threads, null, new ArrayByteBufferPool(0, 4096, 1 << 20));
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(true);
        http.setRequestHeaderSize(settings.maxHeaderBytes());
        // Reads request bodies from the socket in pieces of up to 256 KiB, not Jetty's 8 KiB: a 512 MiB push took
        // 65,000 reads, each with its own wake-up and hand-off to the handler's thread. The buffer is pooled and only
        // held while a request is being read.
        http.setInputBufferSize(INPUT_BUFFER);
        // Empty segments ("/v2//a") reach the endpoints, which refuse them in their own error format; the other
        // ambiguous forms (an encoded "/" or "..") stay refused by Jetty.
        http.setUriCompliance(UriCompliance.DEFAULT.with("berth", UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT));
        plain = settings.httpEnabled()
                ? Optional.of(listen(
                        new FileSendingConnector(server, new HttpConnectionFactory(http)), settings.port(), settings))
                : Optional.empty();
        secure = settings.tls().map(tls -> listen(tlsConnector(tls, http), tls.port(), settings));
        RequestHeadDeadline headDeadline = new RequestHeadDeadline(slowClients.headerTimeout());
        server.addBean(headDeadline);
        plain.ifPresent(connector -> connector.addBean(headDeadline, false));
        secure.ifPresent(connector -> connector.addBean(headDeadline, false));
        server.setHandler(new GracefulHandler(new BerthHandler(endpoints, slowClients)));
        server.setErrorHandler(new EndpointErrorHandler(endpoints));
        server.setStopTimeout(settings.stopGrace().toMillis());
        server.setStopAtShutdown(false);
    }

    private ServerConnector listen(ServerConnector connector, int port, Settings settings) {
        connector.setHost(settings.host());
        connector.setPort(port);
        connector.setIdleTimeout(settings.idleTimeout().toMillis());
        server.addConnector(connector);
        return connector;
    }

    private ServerConnector tlsConnector(Tls tls, HttpConfiguration http) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(tls.keyStore());
        ssl.setKeyStorePassword(new String(tls.keyStorePassword()));
        ssl.setIncludeProtocols(TLS_PROTOCOLS);
        ssl.setIncludeCipherSuites(TLS_CIPHER_SUITES);
        ssl.setRenegotiationAllowed(false);
        HttpConfiguration https = new HttpConfiguration(http);
        // Whether the host asked for is one the certificate names is for the client to check (clients with
        // verification off must still get answers); Jetty's own check would answer 400 instead.
        https.addCustomizer(new SecureRequestCustomizer(false));
        return new ServerConnector(server, ssl, new HttpConnectionFactory(https));
    }

    public void start() throws Exception {
        server.start();
    }

    /**
     * The address it listens on, with the real port when 0 was asked for: the plain HTTP one, or the HTTPS one when
     * plain HTTP is off.
     */
    public InetSocketAddress address() {
        return address(plain.or(() -> secure).orElseThrow());
    }

    /** The HTTPS address, when HTTPS is on. */
    public Optional<InetSocketAddress> tlsAddress() {
        return secure.map(HttpServer::address);
    }

    private static InetSocketAddress address(ServerConnector connector) {
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
