package dev.berth.tasks.build;

import dev.berth.core.imports.TargetTag;
import dev.berth.core.oci.RepositoryName;
import dev.berth.core.oci.Tag;
import java.util.ArrayList;
import java.util.List;

/**
 * A quick build's {@code -t} names as tags of its registry: {@code repo[:tag]} or {@code <login server>/repo[:tag]}
 * (what {@code $Registry/repo:tag} becomes); a name on another registry is refused, since a run pushes only where it
 * runs.
 */
final class TargetNames {
    private TargetNames() {}

    static List<TargetTag> parse(List<String> names, InstallationImages images) {
        List<TargetTag> tags = new ArrayList<>();
        for (String name : names) {
            tags.add(parse(name.trim(), images));
        }
        return tags;
    }

    private static TargetTag parse(String name, InstallationImages images) {
        int slash = name.indexOf('/');
        String first = slash < 0 ? "" : name.substring(0, slash);
        boolean hasHost = first.contains(".") || first.contains(":") || first.equals("localhost");
        if (hasHost && !images.isOwn(first)) {
            throw new IllegalArgumentException("cannot push " + name + ": a run pushes only to its own registry");
        }
        String local = hasHost ? name.substring(slash + 1) : name;
        if (local.contains("@")) {
            throw new IllegalArgumentException("cannot push to " + name + ": an image name takes a tag, not a digest");
        }
        int colon = local.lastIndexOf(':');
        String repository = colon < 0 ? local : local.substring(0, colon);
        String tag = colon < 0 ? "latest" : local.substring(colon + 1);
        if (!RepositoryName.isValid(repository) || !Tag.isValid(tag)) {
            throw new IllegalArgumentException("invalid image name: " + name);
        }
        return new TargetTag(new RepositoryName(repository), new Tag(tag));
    }
}
