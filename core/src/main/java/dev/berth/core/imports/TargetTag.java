package dev.berth.core.imports;

import dev.berth.core.oci.RepositoryName;
import dev.berth.core.oci.Tag;

/** A tag an import writes, {@code repo:tag} as ARM's {@code targetTags} gives it. */
public record TargetTag(RepositoryName repository, Tag tag) {
    /** Parses {@code repo:tag}; without a tag, {@code latest}. */
    public static TargetTag parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        String name = SourceImage.withoutTag(trimmed);
        String tag = name.length() == trimmed.length() ? "latest" : trimmed.substring(name.length() + 1);
        return new TargetTag(new RepositoryName(name), new Tag(tag));
    }

    @Override
    public String toString() {
        return repository + ":" + tag;
    }
}
