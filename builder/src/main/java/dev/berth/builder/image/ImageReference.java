package dev.berth.builder.image;

import dev.berth.core.oci.Digest;
import dev.berth.core.oci.Reference;
import dev.berth.core.oci.RepositoryName;
import dev.berth.core.oci.Tag;
import java.util.Optional;

/**
 * An image name as {@code FROM} and {@code docker pull} take it: {@code [host[:port]/]path[:tag][@digest]}. A first
 * component without a dot or colon (and not {@code localhost}) is part of the path, and the host is then Docker Hub
 * ({@code docker.io}, with {@code library/} before a one-component path), as Docker reads names.
 *
 * @param registry the registry host and port, such as {@code docker.io} or {@code myreg.localhost:5000}
 * @param repository the repository within it
 * @param tag the tag; {@code latest} when the name has neither tag nor digest
 * @param digest the digest, which wins over the tag when both are given
 */
public record ImageReference(String registry, RepositoryName repository, Optional<Tag> tag, Optional<Digest> digest) {
    public static final String DOCKER_HUB = "docker.io";

    /** Parses a name; {@link IllegalArgumentException} with a message fit for a build log when it is not one. */
    public static ImageReference parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an image name is required");
        }
        String rest = text.trim();
        Optional<Digest> digest = Optional.empty();
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = Optional.of(parseDigest(rest.substring(at + 1), text));
            rest = rest.substring(0, at);
        }
        String registry = DOCKER_HUB;
        int slash = rest.indexOf('/');
        if (slash > 0 && isHost(rest.substring(0, slash))) {
            registry = rest.substring(0, slash);
            rest = rest.substring(slash + 1);
        }
        Optional<Tag> tag = Optional.empty();
        int colon = rest.lastIndexOf(':');
        if (colon >= 0) {
            tag = Optional.of(parseTag(rest.substring(colon + 1), text));
            rest = rest.substring(0, colon);
        }
        if (registry.equals(DOCKER_HUB) && !rest.contains("/")) {
            rest = "library/" + rest;
        }
        if (!RepositoryName.isValid(rest)) {
            throw new IllegalArgumentException("invalid image name \"" + text + "\": bad repository name " + rest);
        }
        if (tag.isEmpty() && digest.isEmpty()) {
            tag = Optional.of(new Tag("latest"));
        }
        return new ImageReference(registry, new RepositoryName(rest), tag, digest);
    }

    /** The digest when given, else the tag. */
    public Reference reference() {
        return digest.<Reference>map(Reference.ByDigest::new).orElseGet(() -> new Reference.ByTag(tag.orElseThrow()));
    }

    /** The same image pinned to a digest (the tag is kept for people to read). */
    public ImageReference withDigest(Digest pinned) {
        return new ImageReference(registry, repository, tag, Optional.of(pinned));
    }

    /** The name without tag or digest: {@code registry/repository}. */
    public String name() {
        return registry + "/" + repository.value();
    }

    @Override
    public String toString() {
        return name()
                + tag.map(t -> ":" + t.value()).orElse("")
                + digest.map(d -> "@" + d).orElse("");
    }

    private static boolean isHost(String component) {
        return component.contains(".") || component.contains(":") || component.equals("localhost");
    }

    private static Tag parseTag(String tag, String text) {
        if (!Tag.isValid(tag)) {
            throw new IllegalArgumentException("invalid image name \"" + text + "\": bad tag " + tag);
        }
        return new Tag(tag);
    }

    private static Digest parseDigest(String digest, String text) {
        try {
            return Digest.parse(digest);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid image name \"" + text + "\": bad digest " + digest);
        }
    }
}
