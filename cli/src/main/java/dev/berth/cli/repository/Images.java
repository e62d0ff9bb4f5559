package dev.berth.cli.repository;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.cli.api.ApiException;
import dev.berth.cli.command.CliFailure;
import dev.berth.cli.command.ImageReference;
import dev.berth.cli.command.Session;
import dev.berth.cli.output.Column;

/** Deleting one image, which {@code repository delete --image} and {@code manifest delete} share. */
final class Images {
    private Images() {}

    /** The image, when it names a tag or a digest; else a usage error that says how to name one. */
    static ImageReference withReference(Session session, ImageReference image, String problem) {
        if (!image.hasReference()) {
            throw session.usage(problem + ": " + image + ":TAG or " + image + "@sha256:...");
        }
        return image;
    }

    /**
     * Resolves a tag to its digest, says which tags go with it, asks, and deletes the manifest with {@code DELETE
     * .../acr/v1/<repository>/_manifests/<digest>} (which ACR itself does through {@code /v2/}).
     */
    static void delete(Session session, String registry, ImageReference image, boolean yes)
            throws CliFailure, ApiException {
        var client = session.client();
        String digest = Acr.digestOf(client, registry, image);
        JsonNode manifest = client.get(
                        Acr.manifest(registry, image.repository(), digest).toString())
                .path("manifest");
        String tags = Column.text(manifest.path("tags"));
        session.confirm(
                "delete " + image.repository() + "@" + digest + (tags.isEmpty() ? "" : " and its tags " + tags), yes);
        client.delete(Acr.manifest(registry, image.repository(), digest).toString());
        session.note("deleted " + image.repository() + "@" + digest);
    }
}
