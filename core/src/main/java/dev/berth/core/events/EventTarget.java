package dev.berth.core.events;

/**
 * What an event is about, as ACR's webhook payload names it. Any part but {@code repository} may be null: a delete
 * has no size, an untag no media type, a repository delete names only the repository.
 *
 * @param size the manifest's size in bytes
 * @param length the same as {@code size}, as ACR repeats it
 */
public record EventTarget(String mediaType, Long size, String digest, Long length, String repository, String tag) {
    public EventTarget {
        if (repository == null) {
            throw new IllegalArgumentException("an event target names its repository");
        }
    }

    /** A manifest of a repository, optionally by tag. */
    public static EventTarget manifest(String repository, String mediaType, long size, String digest, String tag) {
        return new EventTarget(mediaType, size, digest, size, repository, tag);
    }
}
