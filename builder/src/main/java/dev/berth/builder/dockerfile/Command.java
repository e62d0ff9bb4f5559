package dev.berth.builder.dockerfile;

import java.util.List;
import java.util.Objects;

/**
 * The command of {@code RUN}, {@code CMD}, {@code ENTRYPOINT} and {@code HEALTHCHECK CMD}: the shell form (a string
 * the image's {@code SHELL} runs) or the exec form (a JSON array run as is). A line that starts with {@code [} but is
 * not a JSON array of strings is the shell form, as in Docker.
 */
public sealed interface Command {
    /** {@code RUN echo $HOME}: run as {@code SHELL + [text]}, by default {@code /bin/sh -c text}. */
    record Shell(String text) implements Command {
        public Shell {
            Objects.requireNonNull(text, "text");
        }
    }

    /** {@code RUN ["echo", "hi"]}: the arguments, run without a shell (so with no variable expansion). */
    record Exec(List<String> arguments) implements Command {
        public Exec {
            arguments = List.copyOf(arguments);
        }
    }
}
