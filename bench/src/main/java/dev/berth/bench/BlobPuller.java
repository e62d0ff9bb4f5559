package dev.berth.bench;

/** Pulls a blob ({@code GET /v2/<name>/blobs/<digest>}) and checks every byte against its digest and size. */
final class BlobPuller {
    /** Bodies larger than this are hashed on a second thread, so the client does not cap the measurement. */
    private static final long LARGE = 8L * 1024 * 1024;

    private final RegistryHttp http;

    BlobPuller(RegistryHttp http) {
        this.http = http;
    }

    /** Pulls a large blob into memory set aside beforehand; {@link #verify} checks it once the clock has stopped. */
    void pullInto(String repository, String digest, ReceivedBody into) {
        http.send(RegistryRequest.get(http.resolve("/v2/" + repository + "/blobs/" + digest)), 200, into);
    }

    static void verify(String repository, String digest, long size, ReceivedBody received) {
        VerificationFailure.expectEqual("size of " + digest, size, received.bytes());
        VerificationFailure.expectEqual("content of " + repository + "@" + digest, digest, received.digest());
    }

    void pull(String repository, String digest, long size) {
        ResponseBody<HashingBody.Hashed> reader = size > LARGE ? new PipelinedHashingBody() : new HashingBody();
        HashingBody.Hashed body = http.send(
                        RegistryRequest.get(http.resolve("/v2/" + repository + "/blobs/" + digest)), 200, reader)
                .body();
        VerificationFailure.expectEqual("size of " + digest, size, body.bytes());
        VerificationFailure.expectEqual("content of " + repository + "@" + digest, digest, body.digest());
    }
}
