package dev.berth.http.oci;

import dev.berth.core.registry.RepositoryRef;
import dev.berth.http.server.Exchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** {@code GET /v2/}: tells clients this is a registry speaking the v2 API. */
final class BaseHandler implements OciHandler {
    @Override
    public void handle(Exchange exchange, RepositoryRef repository, Route route) throws IOException {
        Methods.require(exchange, "GET", "HEAD");
        exchange.send(200, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
    }
}
