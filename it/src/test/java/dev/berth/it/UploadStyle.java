package dev.berth.it;

/** The ways the OCI Distribution API lets a client upload one blob; the crash test mixes them all. */
enum UploadStyle {
    /** {@code POST ?digest=} with the whole blob. */
    MONOLITHIC_POST,
    /** {@code POST}, then {@code PUT ?digest=} with the whole blob. */
    POST_THEN_PUT,
    /** {@code POST}, one {@code PATCH} with the whole blob, then an empty {@code PUT ?digest=} (skopeo, podman). */
    POST_PATCH_PUT,
    /** {@code POST}, two {@code PATCH}es with Content-Range, then {@code PUT ?digest=} with nothing more. */
    CHUNKED
}
