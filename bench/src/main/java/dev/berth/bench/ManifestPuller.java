package dev.berth.bench;

/** Pulls a manifest by tag and checks its bytes, its digest header and its media type. */
final class ManifestPuller {
    private final RegistryHttp http;

    ManifestPuller(RegistryHttp http) {
        this.http = http;
    }

    void pull(String repository, String tag, ImageManifest expected) {
        RegistryResponse<byte[]> response = http.send(
                RegistryRequest.get(http.resolve("/v2/" + repository + "/manifests/" + tag))
                        .header("Accept", ImageManifest.MEDIA_TYPE),
                200);
        String what = repository + ":" + tag;
        VerificationFailure.expectEqual("content of " + what, expected.digest(), Sha256.of(response.body()));
        VerificationFailure.expectEqual(
                "Docker-Content-Digest of " + what, expected.digest(), response.requireHeader("Docker-Content-Digest"));
        VerificationFailure.expectEqual(
                "Content-Type of " + what, ImageManifest.MEDIA_TYPE, response.requireHeader("Content-Type"));
    }
}
