package dev.berth.core.events;

/**
 * What an event is about, as ACR's webhook payload names it. Any part but {@code repository} may be null: a delete
 * has no size, an untag no media type, a repository delete names only the repository; only chart events have a
 * {@code name} and {@code version}.
 *
 * @param size the manifest's size in bytes
 * @param length the same as {@code size}, as ACR repeats it
 * @param name a Helm chart's name
 * @param version a Helm chart's version: the tag it was pushed as
 */
public record EventTarget(
        String mediaType,
        Long size,
        String digest,
        Long length,
        String repository,
        String tag,
        String name,
        String version) {
    public EventTarget {
        if (repository == null) {
            throw new IllegalArgumentException("an event target names its repository");
        }
    }

    /** A target that is not a chart. */
    public EventTarget(String mediaType, Long size, String digest, Long length, String repository, String tag) {
        this(mediaType, size, digest, length, repository, tag, null, null);
    }

    /** A manifest of a repository, optionally by tag. */
    public static EventTarget manifest(String repository, String mediaType, long size, String digest, String tag) {
        return new EventTarget(mediaType, size, digest, size, repository, tag);
    }
}
