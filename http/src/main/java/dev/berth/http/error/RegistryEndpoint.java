package dev.berth.http.error;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.http.server.Endpoint;
import dev.berth.http.server.Exchange;
import java.io.IOException;

/**
 * An endpoint that answers in the registry error envelope: whatever {@link RegistryException} its work throws
 * becomes the envelope with the code's status, and an unexpected failure a 500 that names only the request id.
 */
public abstract class RegistryEndpoint implements Endpoint {
    @Override
    public final void handle(Exchange exchange) throws IOException {
        try {
            serve(exchange);
        } catch (RegistryException e) {
            if (!exchange.isCommitted()) {
                ErrorResponses.send(exchange, e);
            }
        }
    }

    /** Serves the request, throwing {@link RegistryException} for anything the client should hear about. */
    protected abstract void serve(Exchange exchange) throws IOException;

    @Override
    public final void sendUnexpectedError(Exchange exchange) throws IOException {
        ErrorResponses.send(
                exchange,
                new RegistryException(ErrorCode.UNKNOWN, "internal error; quote request id " + exchange.requestId()));
    }
}
