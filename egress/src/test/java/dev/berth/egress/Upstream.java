package dev.berth.egress;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A small HTTP server on one loopback address for the tests: {@code /redirect?to=<url>} answers 302 to the URL,
 * anything else 200 with "hello".
 */
final class Upstream implements AutoCloseable {
    private final Server server;

    private Upstream(Server server) {
        this.server = server;
    }

    static Upstream on(String host) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String query = request.getHttpURI().getQuery();
                if (query != null && query.startsWith("to=")) {
                    response.setStatus(302);
                    response.getHeaders().put(HttpHeader.LOCATION, query.substring(3));
                    callback.succeeded();
                    return true;
                }
                response.setStatus(200);
                response.write(true, ByteBuffer.wrap("hello".getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        });
        server.start();
        return new Upstream(server);
    }

    int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    String url(String path) {
        InetSocketAddress address =
                new InetSocketAddress(((ServerConnector) server.getConnectors()[0]).getHost(), port());
        return "http://" + address.getHostString() + ":" + port() + path;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
