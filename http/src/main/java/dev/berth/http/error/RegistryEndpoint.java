package dev.berth.http.error;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.registry.RegistryResolver;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.http.server.Endpoint;
import dev.berth.http.server.Exchange;
import java.io.IOException;
import java.util.Optional;

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

    /**
     * The registry the request's Host names, looked up once per request and remembered on the exchange, or
     * {@link ErrorCode#NAME_UNKNOWN}.
     */
    protected static RegistryRecord registry(Exchange exchange, RegistryResolver registries) throws IOException {
        Optional<RegistryRecord> known = exchange.attached(RegistryRecord.class);
        if (known.isPresent()) {
            return known.get();
        }
        String host = exchange.host();
        RegistryRecord registry = registries
                .resolve(host)
                .orElseThrow(() -> new RegistryException(
                        ErrorCode.NAME_UNKNOWN,
                        "no registry answers on " + (host.length() > 100 ? host.substring(0, 100) + "..." : host)));
        exchange.attach(RegistryRecord.class, registry);
        return registry;
    }

    @Override
    public final void sendError(Exchange exchange, RegistryException error) throws IOException {
        ErrorResponses.send(exchange, error);
    }
}
