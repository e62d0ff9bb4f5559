package dev.berth.http.oci;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.oci.Digest;
import dev.berth.core.oci.MediaTypes;
import dev.berth.core.oci.Reference;
import dev.berth.core.oci.Tag;
import dev.berth.core.registry.ManifestService;
import dev.berth.core.registry.RepositoryRef;
import dev.berth.core.spi.ManifestStore.StoredManifest;
import dev.berth.http.server.Exchange;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/** {@code /v2/<name>/manifests/<reference>}: push, pull, check and delete manifests. */
final class ManifestHandler implements OciHandler {
    private final ManifestService manifests;

    ManifestHandler(ManifestService manifests) {
        this.manifests = manifests;
    }

    @Override
    public void handle(Exchange exchange, RepositoryRef repository, Route route) throws IOException {
        Methods.require(exchange, "GET", "HEAD", "PUT", "DELETE");
        Reference reference = reference(exchange, route.argument());
        switch (exchange.method()) {
            case "PUT" -> put(exchange, repository, reference);
            case "DELETE" -> {
                manifests.delete(repository, reference);
                exchange.send(202);
            }
            default -> get(exchange, repository, reference);
        }
    }

    /**
     * The reference of the path. One that is neither a tag nor shaped like a digest names no manifest that could
     * exist, so reading or deleting it is {@link ErrorCode#MANIFEST_UNKNOWN}, as the OCI conformance tests and other
     * registries have it; only a push to it is refused as invalid. A malformed digest stays
     * {@link ErrorCode#DIGEST_INVALID} for every method.
     */
    private static Reference reference(Exchange exchange, String text) {
        if (!exchange.method().equals("PUT") && !Digest.looksLikeDigest(text) && !Tag.isValid(text)) {
            throw new RegistryException(
                    ErrorCode.MANIFEST_UNKNOWN, "the reference is neither a tag nor a digest, so no manifest has it");
        }
        return Reference.parse(text);
    }

    private void get(Exchange exchange, RepositoryRef repository, Reference reference) throws IOException {
        StoredManifest manifest = exchange.isHead()
                ? manifests.get(repository, reference, accepted(exchange))
                : manifests.pull(repository, reference, accepted(exchange));
        exchange.header("Docker-Content-Digest", manifest.digest().toString());
        exchange.header("ETag", "\"" + manifest.digest() + "\"");
        exchange.send(200, manifest.mediaType(), manifest.content());
    }

    private void put(Exchange exchange, RepositoryRef repository, Reference reference) throws IOException {
        byte[] content;
        try {
            content = exchange.bodyBytes(ManifestService.MAX_MANIFEST_BYTES);
        } catch (Exchange.BodyTooLargeException e) {
            throw new RegistryException(
                    ErrorCode.PAYLOAD_TOO_LARGE,
                    "manifest is larger than " + ManifestService.MAX_MANIFEST_BYTES + " bytes");
        }
        ManifestService.PushResult result = manifests.put(
                repository, reference, exchange.header("Content-Type").orElse(null), content);
        exchange.header("Location", Links.manifest(repository.name(), result.digest()));
        exchange.header("Docker-Content-Digest", result.digest().toString());
        result.subject().ifPresent(subject -> exchange.header("OCI-Subject", subject.toString()));
        exchange.send(201);
    }

    private static Set<String> accepted(Exchange exchange) {
        Set<String> accepted = new HashSet<>();
        for (String value : exchange.headerValues("Accept")) {
            String bare = MediaTypes.bare(value);
            if (bare != null) {
                accepted.add(bare);
            }
        }
        return accepted;
    }
}
