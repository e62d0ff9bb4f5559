package dev.berth.egress;

import dev.berth.core.egress.Egress;
import dev.berth.core.egress.EgressPolicy;
import dev.berth.core.egress.OutboundHttp;
import dev.berth.core.egress.OutboundRequest;
import dev.berth.core.egress.OutboundResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.ProxyAuthenticationProtocolHandler;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.WWWAuthenticationProtocolHandler;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * One Jetty {@link HttpClient} behind {@link OutboundHttp}: HTTP/1.1, the given TLS trust and connect timeout, no
 * transparent decompression (bodies are what the server sent, so digests hold), and a {@link PolicyResolver} for
 * every connection.
 */
final class JettyHttp implements OutboundHttp {
    private static final String USER_AGENT = "berth";
    private static final int MAX_REDIRECTS = 5;

    private final HttpClient client;

    private JettyHttp(HttpClient client) {
        this.client = client;
    }

    static JettyHttp start(EgressPolicy policy, Egress.Options options) {
        SslContextFactory.Client tls = new SslContextFactory.Client();
        options.tls().ifPresent(tls::setSslContext);
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(tls);
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("berth-egress");
        threads.setDaemon(true);
        connector.setExecutor(threads);
        HttpClient client = new HttpClient(new HttpClientTransportOverHTTP(connector));
        client.setExecutor(threads);
        client.setSocketAddressResolver(new PolicyResolver(policy, threads));
        client.setConnectTimeout(options.connectTimeout().toMillis());
        client.setFollowRedirects(false);
        client.setMaxRedirects(MAX_REDIRECTS);
        client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, USER_AGENT));
        client.getContentDecoderFactories().clear();
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start an HTTP client: " + e.getMessage(), e);
        }
        // callers answer challenges themselves (the registry client's token dance); a 401 is theirs to read
        client.getProtocolHandlers().remove(WWWAuthenticationProtocolHandler.NAME);
        client.getProtocolHandlers().remove(ProxyAuthenticationProtocolHandler.NAME);
        return new JettyHttp(client);
    }

    @Override
    public OutboundResponse send(OutboundRequest outbound) throws IOException {
        try {
            return exchange(outbound);
        } catch (IllegalArgumentException e) {
            throw new IOException("cannot send a request to " + outbound.uri() + ": " + e.getMessage(), e);
        }
    }

    private OutboundResponse exchange(OutboundRequest outbound) throws IOException {
        Request request = client.newRequest(outbound.uri())
                .method(outbound.method())
                .followRedirects(outbound.followRedirects())
                .idleTimeout(outbound.idleTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .headers(headers -> outbound.headers().forEach(h -> headers.add(h.getKey(), h.getValue())));
        if (outbound.body() != null) {
            request.body(new BytesRequestContent(outbound.body()));
        }
        InputStreamResponseListener listener = new InputStreamResponseListener();
        request.send(listener);
        try {
            Response response = listener.get(outbound.responseTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return new JettyResponse(response, new TimeoutTranslatingStream(listener.getInputStream()));
        } catch (TimeoutException e) {
            request.abort(e);
            throw new HttpTimeoutException(
                    "no answer within " + outbound.responseTimeout().toMillis() + " ms");
        } catch (ExecutionException e) {
            throw Failures.of(e.getCause());
        } catch (InterruptedException e) {
            request.abort(e);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(
                    "interrupted while waiting for " + outbound.uri().getHost());
        }
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            // stopping releases connections and threads; nothing to do when that fails
        }
    }
}
