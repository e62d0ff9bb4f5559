package dev.berth.builder.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a COPY or ADD takes: every file, directory and link, in order, with its place under the destination. A
 * directory source contributes its contents (not itself), as Docker does; a final symbolic link of a source is
 * followed, links below it are kept as links.
 *
 * @param sources the entries, parents before children
 * @param destinationIsDirectory whether the destination is a directory regardless of what the image holds there
 *     (it ends with {@code /}, several sources were named, or a directory or archive was)
 * @param singleFileName the name of the one file copied when the destination may be a file: it goes under that name
 *     if the image already has a directory at the destination
 */
record CopyPlan(List<CopySource> sources, boolean destinationIsDirectory, String singleFileName) {
    /** The plan of COPY's sources, matched in one tree. */
    static CopyPlan of(SourceTree tree, List<String> patterns, boolean destinationEndsWithSlash) throws IOException {
        Builder plan = new Builder();
        for (String pattern : patterns) {
            for (String match : tree.match(pattern)) {
                plan.addMatch(tree, match);
            }
        }
        return plan.build(destinationEndsWithSlash);
    }

    /** The fingerprints of every source, for the cache key. */
    List<String> fingerprints() throws IOException {
        List<String> prints = new ArrayList<>(sources.size());
        for (CopySource source : sources) {
            prints.add(source.fingerprint());
        }
        return prints;
    }

    /** Collects sources one by one (ADD mixes context files, downloads and extracted archives). */
    static final class Builder {
        private final List<CopySource> sources = new ArrayList<>();
        private int named;
        private boolean directoryNamed;

        /** A path matched in a tree: a directory's contents, or the file or link itself under its own name. */
        Builder addMatch(SourceTree tree, String match) throws IOException {
            named++;
            Path host = tree.host(match, true);
            if (Files.isDirectory(host)) {
                directoryNamed = true;
                addTree(tree, match, host);
            } else {
                sources.add(CopySource.stat(baseName(match), host));
            }
            return this;
        }

        /** A file under a name of its own choosing (a download). */
        Builder addFile(Path host, String name) throws IOException {
            named++;
            sources.add(CopySource.stat(name, host));
            return this;
        }

        /** Everything in a directory (an extracted archive), which makes the destination a directory. */
        Builder addContents(SourceTree tree, Path directory) throws IOException {
            named++;
            directoryNamed = true;
            addTree(tree, "", directory);
            return this;
        }

        CopyPlan build(boolean destinationEndsWithSlash) throws IOException {
            boolean toDirectory = destinationEndsWithSlash || named > 1 || directoryNamed;
            List<CopySource> result = new ArrayList<>(sources);
            String single = "";
            if (!toDirectory && result.size() == 1) {
                CopySource only = result.getFirst();
                single = only.relativeTarget();
                result.set(0, CopySource.stat("", only.host()));
            }
            return new CopyPlan(List.copyOf(result), toDirectory, single);
        }

        private void addTree(SourceTree tree, String match, Path directory) throws IOException {
            List<Path> children;
            try (Stream<Path> walk = Files.walk(directory)) {
                children = walk.filter(p -> !p.equals(directory)).sorted().toList();
            }
            for (Path child : children) {
                String inside = directory.relativize(child).toString();
                String treePath = match.isEmpty() ? inside : match + "/" + inside;
                if (tree.excluded(treePath)
                        && !(Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS) && tree.mayReinclude(treePath))) {
                    continue;
                }
                sources.add(CopySource.stat(inside, child));
            }
        }
    }

    private static String baseName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
