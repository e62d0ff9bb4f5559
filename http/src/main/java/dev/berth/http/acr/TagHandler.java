package dev.berth.http.acr;

import dev.berth.core.json.Json;
import dev.berth.core.oci.Reference;
import dev.berth.core.oci.Tag;
import dev.berth.core.registry.DataPlane;
import dev.berth.core.registry.RepositoryRef;
import dev.berth.core.spi.DetailStore.TagDetails;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.http.server.Exchange;
import java.io.IOException;
import java.util.Map;

/** {@code <repository>/_tags/<tag>}: one tag (GET), a change of its attributes (PATCH), or untagging (DELETE). */
final class TagHandler implements AcrHandler {
    private final DataPlane dataPlane;

    TagHandler(DataPlane dataPlane) {
        this.dataPlane = dataPlane;
    }

    @Override
    public void handle(Exchange exchange, AcrRoute route, RegistryRecord registry) throws IOException {
        RepositoryRef repo = new RepositoryRef(registry, route.name());
        Tag tag = new Tag(route.argument());
        switch (exchange.method()) {
            case "DELETE" -> {
                dataPlane.manifests().delete(repo, new Reference.ByTag(tag));
                exchange.send(202);
            }
            case "PATCH" ->
                send(exchange, repo, dataPlane.attributes().updateTag(repo, tag, AttributeBody.read(exchange)));
            default -> send(exchange, repo, dataPlane.inventory().tag(repo, tag));
        }
    }

    private static void send(Exchange exchange, RepositoryRef repo, TagDetails tag) throws IOException {
        Map<String, Object> body = Shapes.envelope(repo.registry(), repo.name());
        body.put("tag", Shapes.tag(tag));
        exchange.send(200, "application/json", Json.write(body));
    }
}
