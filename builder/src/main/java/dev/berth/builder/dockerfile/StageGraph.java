package dev.berth.builder.dockerfile;

import dev.berth.builder.dockerfile.Substitution.SubstitutionException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Which stages a stage uses: the one its {@code FROM} names, and those of its {@code COPY --from} and {@code RUN
 * --mount=from=}. References are expanded with the global scope; one that names no earlier stage is an image.
 */
final class StageGraph {
    private final Dockerfile dockerfile;
    private final Map<String, String> scope;
    private final Substitution substitution;

    StageGraph(Dockerfile dockerfile, Map<String, String> buildArgs) {
        this.dockerfile = dockerfile;
        this.scope = dockerfile.globalScope(buildArgs);
        this.substitution = Substitution.of(dockerfile.directives());
    }

    /** The stage among the first {@code before} stages that {@code reference} names, by name or index. */
    static Optional<Stage> find(List<Stage> stages, String reference, int before) {
        List<Stage> candidates = stages.subList(0, Math.min(before, stages.size()));
        if (!reference.isEmpty() && reference.chars().allMatch(Character::isDigit)) {
            return parseIndex(reference).filter(i -> i < candidates.size()).map(candidates::get);
        }
        return candidates.stream()
                .filter(s -> s.name().filter(reference::equalsIgnoreCase).isPresent())
                .findFirst();
    }

    /** {@code target} and every stage it needs, transitively, in Dockerfile order. */
    List<Stage> closure(Stage target) {
        Map<Integer, Stage> needed = new TreeMap<>();
        Deque<Stage> pending = new ArrayDeque<>(List.of(target));
        while (!pending.isEmpty()) {
            Stage stage = pending.pop();
            if (needed.putIfAbsent(stage.index(), stage) == null) {
                dependencies(stage).forEach(pending::push);
            }
        }
        return List.copyOf(needed.values());
    }

    /** The earlier stages {@code stage} refers to. */
    List<Stage> dependencies(Stage stage) {
        Stream<Optional<Stage>> fromLine = Stream.of(byName(stage, stage.from().image(), stage.from()));
        Stream<Optional<Stage>> fromInstructions = stage.instructions().stream()
                .flatMap(instruction -> references(instruction).map(ref -> find(stage, ref, instruction)));
        return Stream.concat(fromLine, fromInstructions)
                .flatMap(Optional::stream)
                .distinct()
                .toList();
    }

    private static Stream<String> references(Instruction instruction) {
        return switch (instruction) {
            case Instruction.Copy copy -> copy.from().stream();
            case Instruction.Run run -> run.mounts().stream().flatMap(m -> m.from().stream());
            default -> Stream.empty();
        };
    }

    private Optional<Stage> byName(Stage stage, String reference, Instruction at) {
        String expanded = expand(reference, at);
        return find(dockerfile.stages(), expanded, stage.index())
                .filter(s -> s.name().isPresent() && s.name().get().equalsIgnoreCase(expanded));
    }

    private Optional<Stage> find(Stage stage, String reference, Instruction at) {
        return find(dockerfile.stages(), expand(reference, at), stage.index());
    }

    private String expand(String reference, Instruction at) {
        try {
            return substitution.expand(reference, scope);
        } catch (SubstitutionException e) {
            throw new DockerfileException(at.location(), e.getMessage());
        }
    }

    private static Optional<Integer> parseIndex(String digits) {
        try {
            return Optional.of(Integer.parseInt(digits));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }
}
