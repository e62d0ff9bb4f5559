package dev.berth.http.server;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import java.io.IOException;

/** One API served by the HTTP server (the OCI API, the token service, the metadata and management APIs). */
public interface Endpoint {
    /** Whether this endpoint serves the (decoded) path. */
    boolean matches(String path);

    /** Serves a request, answering every client mistake itself. */
    void handle(Exchange exchange) throws IOException;

    /**
     * Answers with an error in this endpoint's format: used for what is found wrong before or around the endpoint's
     * own handling (a request the web server found malformed, an unexpected failure).
     */
    void sendError(Exchange exchange, RegistryException error) throws IOException;

    /** Answers a request that failed unexpectedly, in this endpoint's error format, without details. */
    default void sendUnexpectedError(Exchange exchange) throws IOException {
        sendError(
                exchange,
                new RegistryException(ErrorCode.UNKNOWN, "internal error; quote request id " + exchange.requestId()));
    }
}
