package dev.berth.builder.build;

import dev.berth.builder.dockerfile.Instruction;
import dev.berth.builder.dockerfile.Stage;
import dev.berth.builder.runtime.RunMount;
import dev.berth.core.oci.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A RUN's {@code --mount} options turned into the runtime's mounts: {@code type=cache} (a directory kept between
 * builds, by {@code id} or target), {@code type=tmpfs}, and {@code type=bind} from the build context or another stage
 * (read-only unless {@code rw}). Secret and SSH mounts are refused with a clear message: they need a secret store.
 */
final class RunMounts {
    private final BuildSession session;
    private final StageState state;
    private final Instruction.Run run;

    private final List<dev.berth.builder.dockerfile.RunMount> mounts;

    RunMounts(BuildSession session, StageState state, Instruction.Run run) throws BuildException {
        this.session = session;
        this.state = state;
        this.run = run;
        this.mounts = expanded(run.mounts());
    }

    /** The mounts with their values expanded ({@code id=cache-$TARGETARCH}, {@code source=$DIR}), as BuildKit does. */
    private List<dev.berth.builder.dockerfile.RunMount> expanded(List<dev.berth.builder.dockerfile.RunMount> raw)
            throws BuildException {
        List<dev.berth.builder.dockerfile.RunMount> result = new ArrayList<>();
        for (dev.berth.builder.dockerfile.RunMount mount : raw) {
            Map<String, String> fields = new LinkedHashMap<>();
            List<String> text = new ArrayList<>();
            for (Map.Entry<String, String> field : mount.fields().entrySet()) {
                String value = Expansion.word(session, state.expansionEnv(), field.getValue(), run.location());
                fields.put(field.getKey(), value);
                text.add(value.isEmpty() ? field.getKey() : field.getKey() + "=" + value);
            }
            result.add(new dev.berth.builder.dockerfile.RunMount(String.join(",", text), fields));
        }
        return result;
    }

    /**
     * What the mounts are, for the cache key. A bind of a stage counts that stage's key; a bind of the context, the
     * fingerprint of every file it shows, as COPY does.
     */
    List<String> describe() throws IOException, BuildException {
        List<String> parts = new ArrayList<>();
        for (dev.berth.builder.dockerfile.RunMount mount : mounts) {
            String from = mount.from().isPresent()
                    ? "from=" + sourceStage(mount.from().get()).key().digest()
                    : "";
            parts.add(mount.text() + " " + from);
            if (mount.type().equals("bind") && mount.from().isEmpty()) {
                parts.addAll(contextFingerprints(mount.source().orElse("/")));
            }
        }
        return parts;
    }

    private List<String> contextFingerprints(String source) throws IOException, BuildException {
        try {
            return CopyPlan.of(session.context, List.of(source), false).fingerprints();
        } catch (IllegalArgumentException e) {
            throw fail(e.getMessage());
        }
    }

    /** The targets inside the container. */
    List<String> targets() {
        return mounts.stream().map(m -> m.target().orElse("")).toList();
    }

    List<RunMount> resolve(Rootfs rootfs) throws IOException, BuildException {
        List<RunMount> resolved = new ArrayList<>();
        for (dev.berth.builder.dockerfile.RunMount mount : mounts) {
            switch (mount.type()) {
                case "cache" -> {
                    String target = target(mount);
                    resolved.add(new RunMount.Bind(cacheDirectory(mount, target), target, false));
                }
                case "tmpfs" -> resolved.add(new RunMount.Tmpfs(target(mount)));
                case "bind" -> resolved.add(new RunMount.Bind(bindSource(mount), target(mount), !writable(mount)));
                default -> throw fail("--mount=type=" + mount.type() + " is not supported (cache, tmpfs and bind are)");
            }
        }
        return resolved;
    }

    private String target(dev.berth.builder.dockerfile.RunMount mount) throws BuildException {
        return absolute(mount.target().orElseThrow(() -> fail("a --mount needs a target")));
    }

    private Path cacheDirectory(dev.berth.builder.dockerfile.RunMount mount, String target) throws IOException {
        String id = mount.field("id").orElse(target);
        Path directory = session.mountCache()
                .resolve(Digest.sha256(id.getBytes(StandardCharsets.UTF_8)).hex());
        Files.createDirectories(directory);
        return directory;
    }

    private Path bindSource(dev.berth.builder.dockerfile.RunMount mount) throws IOException, BuildException {
        String source = mount.source().orElse("/");
        SourceTree tree = mount.from().isPresent()
                ? SourceTree.rootfs(
                        LayerStep.materialize(session, sourceStage(mount.from().get()))
                                .directory(),
                        "stage")
                : SourceTree.rootfs(session.contextView(), "build context");
        try {
            return tree.host(SourceTree.clean(source), true);
        } catch (IllegalArgumentException e) {
            throw fail(e.getMessage());
        }
    }

    private StageState sourceStage(String from) throws BuildException {
        Optional<Stage> stage = session.dockerfile.stage(from);
        if (stage.isEmpty()) {
            throw fail("--mount from=" + from + " names no earlier stage (images are not supported)");
        }
        return session.finished(stage.get().index(), run.location());
    }

    /**
     * Whether a bind mount asks to be writable ({@code rw}, {@code rw=true}, {@code readwrite}); {@code rw=false} is
     * read-only. Writable binds are refused: BuildKit throws their writes away, and here they would land in the
     * build context or a stage's root filesystem, under an unchanged cache key.
     */
    private boolean writable(dev.berth.builder.dockerfile.RunMount mount) throws BuildException {
        boolean rw = flag(mount, "rw") || flag(mount, "readwrite");
        if (rw) {
            throw fail("--mount=type=bind,rw is not supported yet (bind mounts are read-only here)");
        }
        return false;
    }

    private static boolean flag(dev.berth.builder.dockerfile.RunMount mount, String name) {
        return mount.field(name)
                .map(v -> v.isEmpty() || v.equalsIgnoreCase("true"))
                .orElse(false);
    }

    private String absolute(String target) {
        if (target.startsWith("/")) {
            return target;
        }
        String workingDir = state.config().workingDir().orElse("/");
        return workingDir.endsWith("/") ? workingDir + target : workingDir + "/" + target;
    }

    private BuildException fail(String message) {
        return BuildException.at(run.location(), message);
    }
}
