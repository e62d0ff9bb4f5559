package dev.berth.http.server;

import java.io.IOException;

/** One API served by the HTTP server (the OCI API, later the management API and the portal). */
public interface Endpoint {
    /** Whether this endpoint serves the (decoded) path. */
    boolean matches(String path);

    /** Serves a request, answering every client mistake itself. */
    void handle(Exchange exchange) throws IOException;

    /** Answers a request that failed unexpectedly, in this endpoint's error format, without details. */
    void sendUnexpectedError(Exchange exchange) throws IOException;
}
