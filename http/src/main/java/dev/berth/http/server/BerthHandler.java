package dev.berth.http.server;

import dev.berth.core.error.RegistryException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The Jetty handler in front of every endpoint: gives each request an id, picks the endpoint by path, logs the
 * outcome, and turns anything unexpected into a 500 that names the request id and nothing else.
 */
final class BerthHandler extends Handler.Abstract {
    private static final System.Logger LOG = System.getLogger("berth.http");
    private static final System.Logger ACCESS = System.getLogger("berth.access");

    private final List<Endpoint> endpoints;
    private final SlowClients slowClients;

    BerthHandler(List<Endpoint> endpoints, SlowClients slowClients) {
        super(InvocationType.BLOCKING);
        this.endpoints = List.copyOf(endpoints);
        this.slowClients = slowClients;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long started = System.nanoTime();
        String requestId = newRequestId();
        response.getHeaders().put("X-Request-Id", requestId);
        Exchange exchange = new Exchange(MinimumBodyRate.of(request, slowClients), response, requestId);
        try {
            dispatch(exchange);
            callback.succeeded();
        } catch (Throwable failure) {
            fail(exchange, callback, failure);
        } finally {
            logAccess(exchange, response, started);
        }
        return true;
    }

    /** A fresh id for a request, to find its log lines by. */
    static String newRequestId() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    }

    private void dispatch(Exchange exchange) throws IOException {
        String path = exchange.path();
        if (path == null) {
            exchange.send(400, "text/plain", "malformed path\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        for (Endpoint endpoint : endpoints) {
            if (endpoint.matches(path)) {
                try {
                    endpoint.handle(exchange);
                } catch (EofException e) {
                    throw e;
                } catch (IOException | RuntimeException e) {
                    Optional<RegistryException> clientError = clientError(e);
                    if (clientError.isPresent() && !exchange.isCommitted()) {
                        LOG.log(
                                Level.DEBUG,
                                "request " + exchange.requestId() + ": "
                                        + clientError.get().getMessage());
                        endpoint.sendError(exchange, clientError.get());
                    } else {
                        unexpected(exchange, endpoint, e);
                    }
                }
                return;
            }
        }
        exchange.send(404, "text/plain", "not found\n".getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The client's mistake that a failure stands for, however deep in its causes: a {@link RegistryException} raised
     * while the body was read (one that came too slowly), or a 4xx Jetty found while a handler read the request (a
     * broken chunked body, say).
     */
    private static Optional<RegistryException> clientError(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RegistryException registry) {
                return Optional.of(registry);
            }
            if (cause instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
                return Optional.of(EndpointErrorHandler.malformed(http.getCode(), http.getReason()));
            }
        }
        return Optional.empty();
    }

    private static void unexpected(Exchange exchange, Endpoint endpoint, Exception e) throws IOException {
        LOG.log(
                Level.ERROR,
                "request " + exchange.requestId() + " " + exchange.method() + " " + exchange.path() + " failed",
                e);
        if (!exchange.isCommitted()) {
            endpoint.sendUnexpectedError(exchange);
        } else {
            throw new EofException("response already committed when request failed");
        }
    }

    private static void fail(Exchange exchange, Callback callback, Throwable failure) {
        if (failure instanceof EofException) {
            LOG.log(Level.DEBUG, "request " + exchange.requestId() + ": client went away");
        } else {
            LOG.log(Level.ERROR, "request " + exchange.requestId() + " failed", failure);
        }
        callback.failed(failure);
    }

    private static void logAccess(Exchange exchange, Response response, long started) {
        if (ACCESS.isLoggable(Level.DEBUG)) {
            ACCESS.log(
                    Level.DEBUG,
                    String.format(
                            "%s %s %s %s %d %dms",
                            exchange.requestId(),
                            exchange.clientAddress(),
                            exchange.method(),
                            exchange.path(),
                            response.getStatus(),
                            (System.nanoTime() - started) / 1_000_000));
        }
    }
}
