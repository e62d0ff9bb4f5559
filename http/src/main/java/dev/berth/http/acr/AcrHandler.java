package dev.berth.http.acr;

import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.http.server.Exchange;
import java.io.IOException;

/** Serves one resource of the metadata API, once the route, the registry and the caller's access are settled. */
interface AcrHandler {
    void handle(Exchange exchange, AcrRoute route, RegistryRecord registry) throws IOException;
}
