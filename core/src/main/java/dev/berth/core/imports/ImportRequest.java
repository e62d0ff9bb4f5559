package dev.berth.core.imports;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.oci.RepositoryName;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * An import, shaped like the body of ARM's {@code POST .../registries/{name}/importImage}:
 *
 * <pre>
 * {"source": {"registryUri": "docker.io", "resourceId": null,
 *             "credentials": {"username": "u", "password": "p"},
 *             "sourceImage": "library/busybox:1.36"},
 *  "targetTags": ["busybox:1.36", "busybox:stable"],
 *  "untaggedTargetRepositories": ["mirror/busybox"],
 *  "mode": "NoForce"}
 * </pre>
 *
 * which {@link #of} takes field by field. With neither target tags nor untagged repositories, the image goes to its
 * own repository name under its own tag (or untagged, when named by digest).
 *
 * @param targetTags the tags to write, in the order given, without duplicates
 * @param untaggedTargetRepositories repositories that receive the content without a tag
 */
public record ImportRequest(
        ImportSource source,
        SourceImage image,
        List<TargetTag> targetTags,
        List<RepositoryName> untaggedTargetRepositories,
        ImportMode mode) {

    public ImportRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(image, "image");
        targetTags = List.copyOf(new LinkedHashSet<>(targetTags == null ? List.of() : targetTags));
        untaggedTargetRepositories = List.copyOf(
                new LinkedHashSet<>(untaggedTargetRepositories == null ? List.of() : untaggedTargetRepositories));
        mode = mode == null ? ImportMode.NO_FORCE : mode;
        if (targetTags.isEmpty() && untaggedTargetRepositories.isEmpty()) {
            targetTags = image.tag()
                    .map(tag -> List.of(new TargetTag(image.repository(), tag)))
                    .orElse(List.of());
            untaggedTargetRepositories = targetTags.isEmpty() ? List.of(image.repository()) : List.of();
        }
    }

    /**
     * The request from the strings of ARM's body; lists may be null. Malformed values fail with {@link
     * ErrorCode#INVALID_REQUEST}, {@link ErrorCode#NAME_INVALID}, {@link ErrorCode#TAG_INVALID} or {@link
     * ErrorCode#DIGEST_INVALID}.
     */
    public static ImportRequest of(
            ImportSource source,
            String sourceImage,
            List<String> targetTags,
            List<String> untaggedTargetRepositories,
            String mode) {
        List<TargetTag> tags = new ArrayList<>();
        for (String tag : targetTags == null ? List.<String>of() : targetTags) {
            tags.add(TargetTag.parse(tag));
        }
        List<RepositoryName> untagged = new ArrayList<>();
        for (String name : untaggedTargetRepositories == null ? List.<String>of() : untaggedTargetRepositories) {
            if (name == null) {
                throw new RegistryException(ErrorCode.INVALID_REQUEST, "untaggedTargetRepositories holds a null");
            }
            untagged.add(new RepositoryName(name.trim()));
        }
        return new ImportRequest(source, SourceImage.parse(sourceImage), tags, untagged, ImportMode.parse(mode));
    }

    /** Every repository the content goes to: those of the tags first, then the untagged ones, each once. */
    public List<RepositoryName> targetRepositories() {
        LinkedHashSet<RepositoryName> repositories = new LinkedHashSet<>();
        targetTags.forEach(tag -> repositories.add(tag.repository()));
        repositories.addAll(untaggedTargetRepositories);
        return List.copyOf(repositories);
    }
}
