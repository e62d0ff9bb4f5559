package dev.berth.http.oci;

import dev.berth.core.json.Json;
import dev.berth.core.oci.RepositoryName;
import dev.berth.core.registry.ListingService;
import dev.berth.core.registry.Page;
import dev.berth.core.registry.PageRequest;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.http.server.Exchange;
import java.io.IOException;
import java.util.Map;

/** {@code GET /v2/_catalog}: the registry's repositories in lexical order, paged with {@code n} and {@code last}. */
final class CatalogHandler {
    private final ListingService listings;

    CatalogHandler(ListingService listings) {
        this.listings = listings;
    }

    void handle(Exchange exchange, RegistryRecord registry) throws IOException {
        Methods.require(exchange, "GET", "HEAD");
        PageRequest request = PageRequest.parse(
                exchange.query("n").orElse(null), exchange.query("last").orElse(null));
        Page<RepositoryName> page = listings.catalog(registry, request);
        if (page.hasMore()) {
            exchange.header(
                    "Link",
                    Links.next(
                            "/v2/_catalog",
                            request.limit(),
                            page.items().getLast().value()));
        }
        exchange.send(
                200,
                "application/json",
                Json.write(Map.of(
                        "repositories",
                        page.items().stream().map(RepositoryName::value).toList())));
    }

    /** Adapter so the catalog sits in the same table as the repository handlers. */
    OciHandler asHandler() {
        return (exchange, repository, route) -> handle(exchange, repository.registry());
    }
}
