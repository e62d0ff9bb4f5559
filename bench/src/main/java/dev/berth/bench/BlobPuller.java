package dev.berth.bench;

/** Pulls a blob ({@code GET /v2/<name>/blobs/<digest>}) and checks every byte against its digest and size. */
final class BlobPuller {
    private final RegistryHttp http;

    BlobPuller(RegistryHttp http) {
        this.http = http;
    }

    void pull(String repository, String digest, long size) {
        HashingBody.Hashed body = http.send(RegistryRequest.get(http.resolve("/v2/" + repository + "/blobs/" + digest)),
                200, new HashingBody()).body();
        VerificationFailure.expectEqual("size of " + digest, size, body.bytes());
        VerificationFailure.expectEqual("content of " + repository + "@" + digest, digest, body.digest());
    }
}
