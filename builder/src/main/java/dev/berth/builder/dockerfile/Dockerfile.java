package dev.berth.builder.dockerfile;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed Dockerfile: its parser directives, the global {@code ARG}s before the first {@code FROM}, and its stages.
 * Immutable. Values are raw; the build engine expands them with {@link Expander} and the stage's scope.
 *
 * <pre>{@code
 * Dockerfile dockerfile = Dockerfile.parse(text, "Dockerfile");
 * for (Stage stage : dockerfile.stagesFor(Optional.of("runtime"), buildArgs)) { ... }
 * }</pre>
 *
 * @param fileName the name errors and locations use, as given to {@link #parse}
 * @param globalArgs the {@code ARG} instructions before the first {@code FROM}: usable in {@code FROM} lines, and in
 *     a stage once redeclared there by name
 * @param stages at least one
 */
public record Dockerfile(String fileName, Directives directives, List<Instruction.Arg> globalArgs, List<Stage> stages) {
    public Dockerfile {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(directives, "directives");
        globalArgs = List.copyOf(globalArgs);
        stages = List.copyOf(stages);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a Dockerfile has at least one stage");
        }
    }

    /**
     * Parses a Dockerfile as Docker (BuildKit) does.
     *
     * @param text the whole file
     * @param fileName the name used in locations and errors, for example {@code Dockerfile}
     * @throws DockerfileException with the file and line of the first problem
     */
    public static Dockerfile parse(String text, String fileName) {
        return new DockerfileParser(fileName).parse(text);
    }

    /** The stage named {@code name} (case-insensitive) or, when {@code nameOrIndex} is a number, the stage at it. */
    public Optional<Stage> stage(String nameOrIndex) {
        return StageGraph.find(stages, nameOrIndex, stages.size());
    }

    /**
     * The earlier stage that {@code reference} means inside {@code user} ({@code COPY --from}, {@code RUN
     * --mount=from=}, {@code FROM}): a stage before it with that name (case-insensitive) or index. Empty means the
     * reference is an image. Pass the reference already expanded.
     */
    public Optional<Stage> stageBefore(Stage user, String reference) {
        return StageGraph.find(stages, reference, user.index());
    }

    public Optional<Stage> stage(int index) {
        return index >= 0 && index < stages.size() ? Optional.of(stages.get(index)) : Optional.empty();
    }

    /** The last stage: what is built when no target is given. */
    public Stage lastStage() {
        return stages.getLast();
    }

    /**
     * The stages a build of {@code target} needs, in Dockerfile order, the target last: the target and, transitively,
     * the earlier stages it uses by {@code FROM <stage>}, {@code COPY --from=<stage|index>} or {@code RUN
     * --mount=from=<stage>}. Stage references are expanded with {@link #globalScope}; a reference that names no
     * earlier stage is an image. (A {@code --from=$X} whose {@code X} is declared only inside the stage is therefore
     * not seen as a dependency: the engine resolves it with {@link #stageBefore} when it runs the stage.)
     *
     * @param target a stage name; empty for the last stage
     * @throws DockerfileException if no stage has that name
     */
    public List<Stage> stagesFor(Optional<String> target, Map<String, String> buildArgs) {
        Stage chosen = target.map(this::targetStage).orElseGet(this::lastStage);
        return new StageGraph(this, buildArgs).closure(chosen);
    }

    /**
     * The global scope: each global {@code ARG} with its value from {@code buildArgs}, else its default (expanded with
     * the arguments declared before it), else unset. What {@code FROM} lines are expanded with. Besides, the automatic
     * platform arguments ({@code BUILDPLATFORM}, {@code TARGETARCH}, ...) found in {@code buildArgs} are in scope
     * without a declaration, as in Docker.
     *
     * @throws DockerfileException if a default cannot be expanded
     */
    public Map<String, String> globalScope(Map<String, String> buildArgs) {
        return ArgScope.global(this, buildArgs);
    }

    private Stage targetStage(String name) {
        return stages.stream()
                .filter(s -> s.name().filter(name::equalsIgnoreCase).isPresent())
                .findFirst()
                .orElseThrow(() -> new DockerfileException(
                        new Location(fileName, 0), "target stage \"" + name + "\" could not be found"));
    }
}
