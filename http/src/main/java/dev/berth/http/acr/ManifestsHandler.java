package dev.berth.http.acr;

import dev.berth.core.json.Json;
import dev.berth.core.registry.DetailRequest;
import dev.berth.core.registry.InventoryService;
import dev.berth.core.registry.Page;
import dev.berth.core.registry.RepositoryRef;
import dev.berth.core.spi.DetailStore.ManifestDetails;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.http.server.Exchange;
import java.io.IOException;

/** {@code <repository>/_manifests}: the listed manifests in detail, paged with {@code n}, {@code last}, {@code orderby}. */
final class ManifestsHandler implements AcrHandler {
    private final InventoryService inventory;

    ManifestsHandler(InventoryService inventory) {
        this.inventory = inventory;
    }

    @Override
    public void handle(Exchange exchange, AcrRoute route, RegistryRecord registry) throws IOException {
        RepositoryRef repo = new RepositoryRef(registry, route.name());
        DetailRequest request = Listing.request(exchange);
        Page<ManifestDetails> page = inventory.manifests(repo, request);
        if (!page.items().isEmpty()) {
            String path = route.base() + "/" + repo.name() + "/_manifests";
            Listing.linkNext(
                    exchange,
                    path,
                    request,
                    page,
                    page.items().getLast().digest().toString());
        }
        exchange.send(
                200,
                "application/json",
                Json.write(Shapes.list(
                        registry,
                        repo.name(),
                        "manifests",
                        page.items().stream().map(Shapes::manifest).toList())));
    }
}
