package dev.berth.http.acr;

import dev.berth.core.json.Json;
import dev.berth.core.oci.Digest;
import dev.berth.core.oci.Reference;
import dev.berth.core.registry.DataPlane;
import dev.berth.core.registry.RepositoryRef;
import dev.berth.core.spi.DetailStore.ManifestDetails;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.http.server.Exchange;
import java.io.IOException;
import java.util.Map;

/**
 * {@code <repository>/_manifests/<digest>}: one manifest (GET), a change of its attributes or its quarantine state
 * (PATCH, as ACR's scanners send it), or deleting it with its tags (DELETE).
 */
final class ManifestHandler implements AcrHandler {
    private final DataPlane dataPlane;

    ManifestHandler(DataPlane dataPlane) {
        this.dataPlane = dataPlane;
    }

    @Override
    public void handle(Exchange exchange, AcrRoute route, RegistryRecord registry) throws IOException {
        RepositoryRef repo = new RepositoryRef(registry, route.name());
        Digest digest = Digest.parse(route.argument());
        switch (exchange.method()) {
            case "DELETE" -> {
                dataPlane.manifests().delete(repo, new Reference.ByDigest(digest));
                exchange.send(202);
            }
            case "PATCH" -> send(exchange, repo, patch(repo, digest, AttributeBody.readManifest(exchange)));
            default -> send(exchange, repo, dataPlane.inventory().manifest(repo, digest));
        }
    }

    /** Applies the attributes, then the quarantine state if the body sets one (recording its event). */
    private ManifestDetails patch(RepositoryRef repo, Digest digest, AttributeBody.ManifestPatch patch)
            throws IOException {
        ManifestDetails updated = dataPlane.attributes().updateManifest(repo, digest, patch.attributes());
        if (patch.quarantine().isPresent()) {
            updated = dataPlane
                    .attributes()
                    .quarantine(repo, digest, patch.quarantine().get());
        }
        return updated;
    }

    private static void send(Exchange exchange, RepositoryRef repo, ManifestDetails manifest) throws IOException {
        Map<String, Object> body = Shapes.envelope(repo.registry(), repo.name());
        body.put("manifest", Shapes.manifest(manifest));
        exchange.send(200, "application/json", Json.write(body));
    }
}
