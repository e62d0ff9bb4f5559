package dev.berth.builder.dockerfile;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The stages a stage depends on, through FROM, COPY --from and RUN --mount=from. */
final class StageGraph {
    private final Dockerfile dockerfile;
    private final Map<String, String> buildArgs;

    StageGraph(Dockerfile dockerfile, Map<String, String> buildArgs) {
        this.dockerfile = dockerfile;
        this.buildArgs = buildArgs;
    }

    /** The stage among the first {@code before} stages that {@code reference} names, by name or index. */
    static Optional<Stage> find(List<Stage> stages, String reference, int before) {
        return Optional.empty();
    }

    List<Stage> closure(Stage target) {
        return List.of(target);
    }
}
