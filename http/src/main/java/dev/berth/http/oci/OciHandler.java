package dev.berth.http.oci;

import dev.berth.core.registry.RepositoryRef;
import dev.berth.http.server.Exchange;
import java.io.IOException;

/** Serves one kind of resource of the OCI API for a repository (null for the base and catalog). */
interface OciHandler {
    void handle(Exchange exchange, RepositoryRef repository, Route route) throws IOException;
}
