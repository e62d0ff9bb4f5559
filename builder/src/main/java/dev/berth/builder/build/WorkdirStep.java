package dev.berth.builder.build;

import dev.berth.builder.dockerfile.Instruction;
import dev.berth.builder.layer.LayerBlob;
import dev.berth.builder.layer.LayerEntry;
import dev.berth.builder.layer.LayerWriter;
import dev.berth.builder.runtime.ProcessUser;
import dev.berth.builder.runtime.UserResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code WORKDIR}: sets the working directory (relative paths join the current one) and creates it, as Docker does,
 * with a layer of the directories the image lacked (none when it exists).
 */
final class WorkdirStep {
    private final BuildSession session;
    private final StageState state;

    WorkdirStep(BuildSession session, StageState state) {
        this.session = session;
        this.state = state;
    }

    void execute(Instruction.Workdir workdir, StepLog log) throws IOException, BuildException {
        String raw = Expansion.word(session, state.expansionEnv(), workdir.path(), workdir.location());
        String current = state.config().workingDir().orElse("/");
        String joined = raw.startsWith("/") ? raw : current + "/" + raw;
        String path = "/" + SourceTree.clean(joined);
        state.config().setWorkingDir(path);
        CacheKey key = state.key().next().add("WORKDIR").add(path).build();
        LayerStep.run(session, state, key, "WORKDIR " + path + " # berth", log, rootfs -> {
            ProcessUser owner = owner(rootfs);
            List<LayerEntry> created = new ArrayList<>();
            String prefix = "";
            for (String part : path.substring(1).split("/")) {
                if (part.isEmpty()) {
                    continue;
                }
                prefix = prefix.isEmpty() ? part : prefix + "/" + part;
                String real = rootfs.root().relativize(rootfs.root().resolve(prefix));
                if (!Files.exists(rootfs.root().resolve(prefix))) {
                    created.add(LayerEntry.directory(real, 0755, owner.uid(), owner.gid(), session.created));
                }
            }
            if (created.isEmpty()) {
                return LayerStep.Produced.inPlace(Optional.empty());
            }
            LayerBlob blob = new LayerWriter(session.layerOptions()).write(created, session.blobs.newTempFile());
            return LayerStep.Produced.separate(session.adopt(blob));
        });
    }

    /**
     * Who owns the directories WORKDIR creates: the current USER, as BuildKit makes them; root when there is none,
     * or when the user cannot be resolved (the next RUN says why).
     */
    private ProcessUser owner(Rootfs rootfs) {
        Optional<String> user = state.config().user();
        if (user.isEmpty()) {
            return ProcessUser.ROOT;
        }
        try {
            return UserResolver.resolve(rootfs.directory(), user.get());
        } catch (IOException e) {
            return ProcessUser.ROOT;
        }
    }
}
