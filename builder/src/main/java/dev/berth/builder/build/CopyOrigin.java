package dev.berth.builder.build;

import dev.berth.builder.dockerfile.Location;
import dev.berth.builder.dockerfile.Stage;
import dev.berth.builder.image.ImageReference;
import dev.berth.builder.image.ResolvedImage;
import dev.berth.builder.layer.ArchiveExtractor;
import dev.berth.builder.layer.RootPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a COPY or ADD reads: the build context, an earlier stage ({@code --from=build} or {@code --from=0}) or an
 * image ({@code --from=alpine:3}). The context is planned before the cache lookup, since its content is part of the
 * key; a stage or image is named in the key by its own key or digest and read only on a miss.
 */
abstract sealed class CopyOrigin {
    final BuildSession session;
    final Location location;

    private CopyOrigin(BuildSession session, Location location) {
        this.session = session;
        this.location = location;
    }

    static CopyOrigin of(BuildSession session, CopyStep.Spec spec, int currentStage)
            throws IOException, BuildException {
        if (spec.from().isEmpty()) {
            return new Context(session, spec.location());
        }
        String from = spec.from().get();
        Optional<Stage> stage = session.dockerfile.stage(from).filter(s -> s.index() < currentStage);
        if (stage.isPresent()) {
            return new FromStage(
                    session, spec.location(), session.finished(stage.get().index(), spec.location()), from);
        }
        try {
            ResolvedImage image = session.bases.resolve(ImageReference.parse(from), session.request.platform());
            return new FromImage(session, spec.location(), image);
        } catch (IllegalArgumentException e) {
            throw BuildException.at(spec.location(), "--from=" + from + ": " + e.getMessage());
        } catch (IOException e) {
            throw BuildException.at(spec.location(), "--from=" + from + ": " + e.getMessage(), e);
        }
    }

    /** What the cache key says about the origin. */
    abstract String identity();

    /** The plan, when it is known before the cache lookup (the context); else null. */
    abstract CopyPlan planForKey(CopyStep.Spec spec) throws IOException, BuildException;

    /** The plan of a cache miss, reading the stage or image. */
    abstract CopyPlan planOnMiss(CopyStep.Spec spec) throws IOException, BuildException;

    CopyPlan plan(SourceTree tree, CopyStep.Spec spec) throws IOException, BuildException {
        try {
            return CopyPlan.of(tree, spec.sources(), spec.destination().endsWith("/"));
        } catch (IllegalArgumentException e) {
            throw BuildException.at(location, spec.keyword() + " failed: " + e.getMessage());
        }
    }

    /** The build context; for ADD also URLs (downloaded) and local tar archives (extracted). */
    static final class Context extends CopyOrigin {
        Context(BuildSession session, Location location) {
            super(session, location);
        }

        @Override
        String identity() {
            return "context";
        }

        @Override
        CopyPlan planForKey(CopyStep.Spec spec) throws IOException, BuildException {
            if (!spec.extractArchives()) {
                return plan(session.context, spec);
            }
            CopyPlan.Builder plan = new CopyPlan.Builder();
            try {
                for (String source : spec.sources()) {
                    if (Downloads.isUrl(source)) {
                        Path file = Downloads.fetch(source, session.workDir, session.egress);
                        plan.addFile(file, Downloads.fileName(source));
                        continue;
                    }
                    for (String match : session.context.match(source)) {
                        addLocal(plan, match);
                    }
                }
                return plan.build(spec.destination().endsWith("/"));
            } catch (IllegalArgumentException e) {
                throw BuildException.at(location, "ADD failed: " + e.getMessage());
            }
        }

        private void addLocal(CopyPlan.Builder plan, String match) throws IOException {
            Path host = session.context.host(match, true);
            if (Files.isRegularFile(host) && ArchiveExtractor.isArchive(host)) {
                Path staging = Files.createTempDirectory(session.workDir, "add-");
                ArchiveExtractor.extract(host, RootPath.of(staging), "/", Optional.empty());
                plan.addContents(SourceTree.rootfs(staging, "archive " + match), staging);
            } else {
                plan.addMatch(session.context, match);
            }
        }

        @Override
        CopyPlan planOnMiss(CopyStep.Spec spec) {
            throw new IllegalStateException("the context is planned before the cache lookup");
        }
    }

    /** An earlier stage's result. */
    static final class FromStage extends CopyOrigin {
        private final StageState stage;
        private final String name;

        FromStage(BuildSession session, Location location, StageState stage, String name) {
            super(session, location);
            this.stage = stage;
            this.name = name;
        }

        @Override
        String identity() {
            return "stage " + stage.key().digest();
        }

        @Override
        CopyPlan planForKey(CopyStep.Spec spec) {
            return null;
        }

        @Override
        CopyPlan planOnMiss(CopyStep.Spec spec) throws IOException, BuildException {
            Rootfs rootfs = LayerStep.materialize(session, stage);
            return plan(SourceTree.rootfs(rootfs.directory(), "stage " + name), spec);
        }
    }

    /** An image's root filesystem. */
    static final class FromImage extends CopyOrigin {
        private final ResolvedImage image;

        FromImage(BuildSession session, Location location, ResolvedImage image) {
            super(session, location);
            this.image = image;
        }

        @Override
        String identity() {
            return "image " + image.manifestDigest();
        }

        @Override
        CopyPlan planForKey(CopyStep.Spec spec) {
            return null;
        }

        @Override
        CopyPlan planOnMiss(CopyStep.Spec spec) throws IOException, BuildException {
            Rootfs rootfs = session.imageRootfs(image.manifestDigest(), () -> {
                try {
                    return LayerStep.materialize(session, StageStart.fromImage(image, CacheKey.root(identity())));
                } catch (IllegalArgumentException e) {
                    throw new IOException(e.getMessage(), e);
                }
            });
            return plan(SourceTree.rootfs(rootfs.directory(), "image " + image.reference()), spec);
        }
    }
}
