package dev.berth.builder.dockerfile;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One build stage: a {@code FROM} and the instructions up to the next {@code FROM}.
 *
 * @param index the 0-based position among the stages (what {@code COPY --from=0} refers to)
 * @param name the lower-cased name after {@code AS}
 * @param from the stage's {@code FROM}
 * @param instructions the instructions after the {@code FROM}, in order
 */
public record Stage(int index, Optional<String> name, Instruction.From from, List<Instruction> instructions) {
    public Stage {
        Objects.requireNonNull(from, "from");
        name = name == null ? Optional.empty() : name;
        instructions = List.copyOf(instructions);
    }

    /** The name if it has one, else the index: how Docker's logs refer to a stage. */
    public String displayName() {
        return name.orElse(Integer.toString(index));
    }
}
