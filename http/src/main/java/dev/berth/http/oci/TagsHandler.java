package dev.berth.http.oci;

import dev.berth.core.json.Json;
import dev.berth.core.oci.Tag;
import dev.berth.core.registry.ListingService;
import dev.berth.core.registry.Page;
import dev.berth.core.registry.PageRequest;
import dev.berth.core.registry.RepositoryRef;
import dev.berth.http.server.Exchange;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /v2/<name>/tags/list}: a repository's tags in lexical order, paged with {@code n} and {@code last}. */
final class TagsHandler implements OciHandler {
    private final ListingService listings;

    TagsHandler(ListingService listings) {
        this.listings = listings;
    }

    @Override
    public void handle(Exchange exchange, RepositoryRef repository, Route route) throws IOException {
        Methods.require(exchange, "GET", "HEAD");
        PageRequest request = PageRequest.parse(
                exchange.query("n").orElse(null), exchange.query("last").orElse(null));
        Page<Tag> page = listings.tags(repository, request);
        if (page.hasMore()) {
            exchange.header(
                    "Link",
                    Links.next(
                            "/v2/" + repository.name() + "/tags/list",
                            request.limit(),
                            page.items().getLast().value()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", repository.name().value());
        body.put("tags", page.items().stream().map(Tag::value).toList());
        exchange.send(200, "application/json", Json.write(body));
    }
}
