package dev.berth.core.egress;

import java.io.IOException;

/**
 * An HTTP client of the server, every connection of which the egress policy has checked. Safe for concurrent use.
 *
 * <p>Failures are {@link IOException}s: {@link EgressRefusedException} when the policy refused (before connecting),
 * {@link java.net.http.HttpConnectTimeoutException} and {@link java.net.http.HttpTimeoutException} for the connect
 * and response timeouts and for a body that stalls past the idle timeout, and the JDK's own exceptions otherwise
 * ({@link java.net.ConnectException}, {@link java.net.UnknownHostException}, {@link javax.net.ssl.SSLException}),
 * possibly as the cause.
 */
public interface OutboundHttp extends AutoCloseable {
    /**
     * Sends the request and returns once the status and headers are in; the caller reads or closes the body.
     *
     * @throws EgressRefusedException when the destination, or a redirect's, is not allowed
     */
    OutboundResponse send(OutboundRequest request) throws IOException;

    @Override
    void close();
}
