package dev.berth.http.acr;

import dev.berth.core.json.Json;
import dev.berth.core.oci.RepositoryName;
import dev.berth.core.registry.DetailRequest;
import dev.berth.core.registry.ListingService;
import dev.berth.core.registry.Page;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.http.server.Exchange;
import java.io.IOException;
import java.util.Map;

/** {@code GET _catalog}: the registry's listed repositories in byte order, paged like {@code /v2/_catalog}. */
final class CatalogHandler implements AcrHandler {
    private final ListingService listings;

    CatalogHandler(ListingService listings) {
        this.listings = listings;
    }

    @Override
    public void handle(Exchange exchange, AcrRoute route, RegistryRecord registry) throws IOException {
        DetailRequest request = Listing.pageOnly(exchange);
        Page<RepositoryName> page = listings.catalog(registry, request.page());
        if (!page.items().isEmpty()) {
            Listing.linkNext(
                    exchange,
                    route.base() + "/_catalog",
                    request,
                    page,
                    page.items().getLast().value());
        }
        exchange.send(
                200,
                "application/json",
                Json.write(Map.of(
                        "repositories",
                        page.items().stream().map(RepositoryName::value).toList())));
    }
}
