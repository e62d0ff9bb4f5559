package dev.berth.http.acr;

import dev.berth.core.json.Json;
import dev.berth.core.oci.Digest;
import dev.berth.core.registry.DetailRequest;
import dev.berth.core.registry.InventoryService;
import dev.berth.core.registry.Page;
import dev.berth.core.registry.RepositoryRef;
import dev.berth.core.spi.DetailStore.TagDetails;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.http.server.Exchange;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code <repository>/_tags}: the listed tags in detail, paged with {@code n}, {@code last} and {@code orderby}, and
 * with {@code digest} only those on one manifest.
 */
final class TagsHandler implements AcrHandler {
    private final InventoryService inventory;

    TagsHandler(InventoryService inventory) {
        this.inventory = inventory;
    }

    @Override
    public void handle(Exchange exchange, AcrRoute route, RegistryRecord registry) throws IOException {
        RepositoryRef repo = new RepositoryRef(registry, route.name());
        DetailRequest request = Listing.request(exchange);
        Optional<Digest> pointingAt = exchange.query("digest").map(Digest::parse);
        Page<TagDetails> page = inventory.tags(repo, request, pointingAt);
        if (!page.items().isEmpty()) {
            String path = route.base() + "/" + repo.name() + "/_tags";
            Listing.linkNext(
                    exchange, path, request, page, page.items().getLast().tag().value());
        }
        exchange.send(
                200,
                "application/json",
                Json.write(Shapes.list(
                        registry,
                        repo.name(),
                        "tags",
                        page.items().stream().map(Shapes::tag).toList())));
    }
}
