package dev.berth.http.oci;

import dev.berth.core.json.Json;
import dev.berth.core.oci.Descriptor;
import dev.berth.core.oci.Digest;
import dev.berth.core.oci.MediaTypes;
import dev.berth.core.registry.ListingService;
import dev.berth.core.registry.RepositoryRef;
import dev.berth.http.server.Exchange;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code GET /v2/<name>/referrers/<digest>}: an OCI index of the manifests whose subject is the digest. */
final class ReferrersHandler implements OciHandler {
    private final ListingService listings;

    ReferrersHandler(ListingService listings) {
        this.listings = listings;
    }

    @Override
    public void handle(Exchange exchange, RepositoryRef repository, Route route) throws IOException {
        Methods.require(exchange, "GET", "HEAD");
        Digest subject = Digest.parse(route.argument());
        Optional<String> artifactType = exchange.query("artifactType").filter(s -> !s.isEmpty());
        List<Descriptor> referrers = listings.referrers(repository, subject, artifactType);
        artifactType.ifPresent(t -> exchange.header("OCI-Filters-Applied", "artifactType"));
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("schemaVersion", 2);
        index.put("mediaType", MediaTypes.OCI_INDEX);
        index.put("manifests", referrers.stream().map(ReferrersHandler::entry).toList());
        exchange.send(200, MediaTypes.OCI_INDEX, Json.write(index));
    }

    private static Map<String, Object> entry(Descriptor d) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("mediaType", d.mediaType());
        entry.put("digest", d.digest().toString());
        entry.put("size", d.size());
        if (d.artifactType() != null) {
            entry.put("artifactType", d.artifactType());
        }
        if (d.annotations() != null && !d.annotations().isEmpty()) {
            entry.put("annotations", d.annotations());
        }
        return entry;
    }
}
