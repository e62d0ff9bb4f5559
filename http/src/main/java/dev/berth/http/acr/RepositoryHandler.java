package dev.berth.http.acr;

import dev.berth.core.json.Json;
import dev.berth.core.oci.Digest;
import dev.berth.core.oci.Tag;
import dev.berth.core.registry.DataPlane;
import dev.berth.core.registry.RepositoryRef;
import dev.berth.core.spi.DetailStore.RepositoryDetails;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.core.spi.RepositoryStore.DeletedContent;
import dev.berth.http.server.Exchange;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code <repository>}: its details and attributes (GET), a change of attributes (PATCH), or deleting everything in
 * it (DELETE, answered 202 with the manifests and tags that went).
 */
final class RepositoryHandler implements AcrHandler {
    private final DataPlane dataPlane;

    RepositoryHandler(DataPlane dataPlane) {
        this.dataPlane = dataPlane;
    }

    @Override
    public void handle(Exchange exchange, AcrRoute route, RegistryRecord registry) throws IOException {
        RepositoryRef repo = new RepositoryRef(registry, route.name());
        switch (exchange.method()) {
            case "DELETE" -> delete(exchange, repo);
            case "PATCH" ->
                send(exchange, repo, dataPlane.attributes().updateRepository(repo, AttributeBody.read(exchange)));
            default -> send(exchange, repo, dataPlane.inventory().repository(repo));
        }
    }

    private static void send(Exchange exchange, RepositoryRef repo, RepositoryDetails details) throws IOException {
        exchange.send(200, "application/json", Json.write(Shapes.repository(repo.registry(), repo.name(), details)));
    }

    private void delete(Exchange exchange, RepositoryRef repo) throws IOException {
        DeletedContent deleted = dataPlane.repositoryDeletion().delete(repo);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "manifestsDeleted",
                deleted.manifests().stream().map(Digest::toString).toList());
        body.put("tagsDeleted", deleted.tags().stream().map(Tag::value).toList());
        exchange.send(202, "application/json", Json.write(body));
    }
}
