package dev.berth.bench;

/** Pushes a manifest by tag ({@code PUT /v2/<name>/manifests/<tag>}) and checks the digest the server computed. */
final class ManifestPusher {
    private final RegistryHttp http;

    ManifestPusher(RegistryHttp http) {
        this.http = http;
    }

    void push(String repository, String tag, ImageManifest manifest) {
        RegistryResponse<byte[]> response = http.send(
                RegistryRequest.of(
                                "PUT",
                                http.resolve("/v2/" + repository + "/manifests/" + tag),
                                RequestBody.bytes(manifest.bytes()))
                        .header("Content-Type", ImageManifest.MEDIA_TYPE),
                201);
        VerificationFailure.expectEqual(
                "Docker-Content-Digest of " + repository + ":" + tag,
                manifest.digest(),
                response.requireHeader("Docker-Content-Digest"));
    }
}
