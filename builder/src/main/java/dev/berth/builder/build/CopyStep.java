package dev.berth.builder.build;

import dev.berth.builder.dockerfile.Heredoc;
import dev.berth.builder.dockerfile.Location;
import dev.berth.builder.layer.LayerBlob;
import dev.berth.builder.layer.LayerEntry;
import dev.berth.builder.layer.LayerWriter;
import dev.berth.builder.runtime.BuildRuntimeException;
import dev.berth.builder.runtime.ProcessUser;
import dev.berth.builder.runtime.UserResolver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code COPY} and {@code ADD}: files from the build context, another stage or an image (or, for ADD, a URL or a
 * local archive to extract) into the image, as one layer written straight from the list of files, never by diffing
 * the whole tree. The cache key holds the content of every file read (for the context) or the key of the stage or
 * digest of the image read from.
 */
final class CopyStep {
    /** The parts of COPY and ADD this step needs, expanded. */
    record Spec(
            String keyword,
            Location location,
            String original,
            List<String> sources,
            List<Heredoc> heredocs,
            String destination,
            Optional<String> from,
            Optional<String> chown,
            Optional<String> chmod,
            boolean extractArchives) {}

    private final BuildSession session;
    private final StageState state;
    private final Spec spec;

    private final int stageIndex;

    CopyStep(BuildSession session, StageState state, Spec spec, int stageIndex) {
        this.stageIndex = stageIndex;
        this.session = session;
        this.state = state;
        this.spec = spec;
    }

    void execute(StepLog log) throws IOException, BuildException {
        checkChmod();
        CopyOrigin origin = CopyOrigin.of(session, spec, stageIndex);
        CopyPlan plan = origin.planForKey(spec);
        CacheKey.Builder key = state.key()
                .next()
                .add(spec.keyword())
                .add(origin.identity())
                .addAll(spec.sources())
                .add(spec.destination())
                .add(spec.chown().orElse(""))
                .add(spec.chmod().orElse(""))
                .add(state.config().workingDir().orElse("/"));
        if (plan != null) {
            key.addAll(plan.fingerprints());
        }
        for (Heredoc heredoc : spec.heredocs()) {
            key.add(heredoc.name()).add(heredocContent(heredoc));
        }
        String createdBy = spec.original() + " # berth";
        LayerStep.run(session, state, key.build(), createdBy, log, rootfs -> {
            CopyPlan actual = plan != null ? plan : origin.planOnMiss(spec);
            List<LayerEntry> entries = entries(rootfs, actual);
            LayerBlob blob = new LayerWriter(session.layerOptions()).write(entries, session.blobs.newTempFile());
            return LayerStep.Produced.separate(session.adopt(blob));
        });
    }

    private List<LayerEntry> entries(Rootfs rootfs, CopyPlan plan) throws IOException, BuildException {
        String destination = absolute(spec.destination());
        boolean toDirectory = plan.destinationIsDirectory()
                || destination.endsWith("/")
                || spec.heredocs().size() + spec.sources().size() > 1
                || Files.isDirectory(rootfs.root().resolve(destination));
        String base = toDirectory ? destination : parent(destination);
        String realBase = rootfs.root().relativize(rootfs.root().resolve(base));
        Owner owner = owner(rootfs);
        List<LayerEntry> entries = new ArrayList<>(createdParents(rootfs, realBase, owner));
        for (CopySource source : plan.sources()) {
            String name = toDirectory
                    ? (source.relativeTarget().isEmpty() ? plan.singleFileName() : source.relativeTarget())
                    : baseName(destination);
            entries.add(entry(join(realBase, name), source, owner));
        }
        for (Heredoc heredoc : spec.heredocs()) {
            byte[] content = heredocContent(heredoc).getBytes(StandardCharsets.UTF_8);
            String name = toDirectory ? heredoc.name() : baseName(destination);
            entries.add(LayerEntry.bytes(
                    join(realBase, name), content, mode(0644), owner.uid(0), owner.gid(0), session.created));
        }
        return lastOfEachPath(entries);
    }

    /**
     * Sources that land on the same path ({@code COPY a/ b/ /dest/} with a directory in both, or a glob matching two
     * files of one name) are copied one after the other, as in Docker: the last one wins.
     */
    private static List<LayerEntry> lastOfEachPath(List<LayerEntry> entries) {
        Map<String, LayerEntry> byPath = new LinkedHashMap<>();
        for (LayerEntry entry : entries) {
            byPath.put(entry.path(), entry);
        }
        return List.copyOf(byPath.values());
    }

    private LayerEntry entry(String path, CopySource source, Owner owner) throws BuildException {
        int uid = owner.uid(source.uid());
        int gid = owner.gid(source.gid());
        return switch (source.type()) {
            case DIRECTORY -> LayerEntry.directory(path, mode(source.mode()), uid, gid, source.mtime());
            case SYMLINK -> LayerEntry.symlink(path, source.linkTarget(), uid, gid, source.mtime());
            case REGULAR -> LayerEntry.file(path, source.host(), mode(source.mode()), uid, gid, source.mtime());
            // opening a fifo would block the build for good; devices and sockets are no files to copy
            default ->
                throw BuildException.at(
                        location(),
                        spec.keyword() + " cannot copy " + path + ": it is a "
                                + source.type()
                                        .name()
                                        .toLowerCase(java.util.Locale.ROOT)
                                        .replace('_', ' '));
        };
    }

    /** Directory entries for the parts of the destination the image lacks, created as Docker does. */
    private List<LayerEntry> createdParents(Rootfs rootfs, String realBase, Owner owner) throws IOException {
        List<LayerEntry> parents = new ArrayList<>();
        String path = "";
        for (String part : realBase.isEmpty() ? new String[0] : realBase.split("/")) {
            path = join(path, part);
            if (!Files.exists(rootfs.root().resolveNoFollow(path))) {
                parents.add(LayerEntry.directory(path, 0755, owner.uid(0), owner.gid(0), session.created));
            }
        }
        return parents;
    }

    /** The owner every entry gets: {@code --chown}'s, else the archive's for an extracted archive, else root. */
    private Owner owner(Rootfs rootfs) throws IOException, BuildException {
        if (spec.chown().isEmpty()) {
            return new Owner(Optional.empty(), spec.extractArchives());
        }
        try {
            ProcessUser user =
                    UserResolver.resolve(rootfs.directory(), spec.chown().get());
            return new Owner(Optional.of(user), false);
        } catch (IllegalArgumentException | BuildRuntimeException e) {
            throw BuildException.at(location(), "--chown=" + spec.chown().get() + ": " + e.getMessage());
        }
    }

    /** Who owns what a step writes. */
    private record Owner(Optional<ProcessUser> user, boolean keepSource) {
        int uid(int sourceUid) {
            return user.map(ProcessUser::uid).orElse(keepSource ? sourceUid : 0);
        }

        int gid(int sourceGid) {
            return user.map(ProcessUser::gid).orElse(keepSource ? sourceGid : 0);
        }
    }

    private void checkChmod() throws BuildException {
        if (spec.chmod().isPresent() && !spec.chmod().get().matches("[0-7]{1,4}")) {
            throw BuildException.at(
                    location(),
                    "--chmod=" + spec.chmod().get() + " is not an octal mode (symbolic modes are not supported)");
        }
    }

    private int mode(int sourceMode) {
        return spec.chmod().map(c -> Integer.parseInt(c, 8) & 07777).orElse(sourceMode);
    }

    private String heredocContent(Heredoc heredoc) throws BuildException {
        if (!heredoc.expand()) {
            return heredoc.content();
        }
        try {
            return session.substitution.expandHeredoc(heredoc.content(), state.expansionEnv());
        } catch (RuntimeException e) {
            throw BuildException.at(location(), e.getMessage(), e);
        }
    }

    private String absolute(String destination) {
        if (destination.startsWith("/")) {
            return destination;
        }
        String workingDir = state.config().workingDir().orElse("/");
        return (workingDir.endsWith("/") ? workingDir : workingDir + "/") + destination;
    }

    private Location location() {
        return spec.location();
    }

    private static String parent(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        int slash = trimmed.lastIndexOf('/');
        return slash <= 0 ? "/" : trimmed.substring(0, slash);
    }

    private static String baseName(String path) {
        int slash = path.lastIndexOf('/');
        return path.substring(slash + 1);
    }

    private static String join(String base, String name) {
        String cleanBase = base.startsWith("/") ? base.substring(1) : base;
        return cleanBase.isEmpty() ? name : cleanBase + "/" + name;
    }
}
