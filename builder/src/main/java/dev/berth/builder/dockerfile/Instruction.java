package dev.berth.builder.dockerfile;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One instruction of a Dockerfile, as parsed: a record per keyword. Values are raw, as written: variables ({@code
 * $VAR}) and quotes are left for the engine to expand with {@link Substitution} and the stage's {@code ENV} and
 * {@code ARG} values. Flags are checked (unknown or malformed flags fail the parse) and kept as options.
 *
 * <p>Every instruction knows its {@link #location()} and its {@link #original()} text: the logical line with
 * continuations joined (the escape character and newline removed), leading and trailing blanks trimmed, heredoc bodies
 * left out. The image history's {@code created_by} is built from it.
 */
public sealed interface Instruction {
    Location location();

    /** The instruction as written on its logical line, for example {@code RUN apt-get update && apt-get install x}. */
    String original();

    /** The keyword, upper case: {@code RUN}, {@code COPY}, ... */
    default String keyword() {
        return switch (this) {
            case From ignored -> "FROM";
            case Run ignored -> "RUN";
            case Copy ignored -> "COPY";
            case Add ignored -> "ADD";
            case Env ignored -> "ENV";
            case Label ignored -> "LABEL";
            case Arg ignored -> "ARG";
            case Workdir ignored -> "WORKDIR";
            case User ignored -> "USER";
            case Expose ignored -> "EXPOSE";
            case Volume ignored -> "VOLUME";
            case Cmd ignored -> "CMD";
            case Entrypoint ignored -> "ENTRYPOINT";
            case Shell ignored -> "SHELL";
            case StopSignal ignored -> "STOPSIGNAL";
            case Healthcheck ignored -> "HEALTHCHECK";
            case Onbuild ignored -> "ONBUILD";
            case Maintainer ignored -> "MAINTAINER";
        };
    }

    /**
     * {@code FROM [--platform=P] image [AS name]}: starts a stage.
     *
     * @param image an image reference, {@code scratch}, or the name of an earlier stage (raw, may hold {@code $ARG}
     *     of the global scope)
     * @param alias the stage name after {@code AS}, lower-cased as Docker does
     * @param platform the {@code --platform} value, raw
     */
    record From(String image, Optional<String> alias, Optional<String> platform, Location location, String original)
            implements Instruction {
        public From {
            Objects.requireNonNull(image, "image");
        }
    }

    /**
     * {@code RUN [--mount=...] [--network=none|host|default] [--security=insecure|sandbox] command}.
     *
     * @param command the shell or exec form; with heredocs, the shell text holds the {@code <<EOF} markers
     * @param heredocs the here-documents of the line, in order
     * @param mounts the {@code --mount} options, in order
     */
    record Run(
            Command command,
            List<Heredoc> heredocs,
            List<RunMount> mounts,
            Optional<String> network,
            Optional<String> security,
            Location location,
            String original)
            implements Instruction {
        public Run {
            Objects.requireNonNull(command, "command");
            heredocs = List.copyOf(heredocs);
            mounts = List.copyOf(mounts);
        }

        /**
         * The heredoc that is the whole command ({@code RUN <<EOF} alone on its line): its body is the script, run by
         * the shell, or executed directly when it starts with {@code #!}, as BuildKit does.
         */
        public Optional<Heredoc> scriptHeredoc() {
            if (heredocs.size() != 1 || !(command instanceof Command.Shell shell)) {
                return Optional.empty();
            }
            return HeredocMarker.isOnlyMarker(shell.text()) ? Optional.of(heredocs.getFirst()) : Optional.empty();
        }

        /**
         * The shell-form text with the heredoc bodies appended as a shell reads them: the line, then each body followed
         * by its delimiter on a line of its own. For the exec form, the arguments joined by blanks.
         */
        public String shellScript() {
            StringBuilder script = new StringBuilder(
                    switch (command) {
                        case Command.Shell shell -> shell.text();
                        case Command.Exec exec -> String.join(" ", exec.arguments());
                    });
            for (Heredoc heredoc : heredocs) {
                script.append('\n').append(heredoc.content()).append(heredoc.name());
            }
            return script.toString();
        }
    }

    /**
     * {@code COPY [--from=S] [--chown=U:G] [--chmod=M] [--link] [--parents] [--exclude=P]... src... dest}, or its
     * JSON form.
     *
     * @param sources the source paths or globs, raw, without the heredoc markers
     * @param heredocs inline sources ({@code COPY <<EOF /etc/motd}), each copied to a file named after its delimiter
     * @param destination the last argument, raw
     * @param from a stage name, a stage index or an image reference to copy from instead of the context
     */
    record Copy(
            List<String> sources,
            List<Heredoc> heredocs,
            String destination,
            Optional<String> from,
            Optional<String> chown,
            Optional<String> chmod,
            boolean link,
            boolean parents,
            List<String> excludes,
            Location location,
            String original)
            implements Instruction {
        public Copy {
            sources = List.copyOf(sources);
            heredocs = List.copyOf(heredocs);
            Objects.requireNonNull(destination, "destination");
            excludes = List.copyOf(excludes);
        }
    }

    /**
     * {@code ADD [--chown] [--chmod] [--link] [--exclude=P]... [--checksum=sha256:...] [--keep-git-dir] [--unpack]
     * src... dest}: as {@code COPY}, plus URLs, git repositories and local archives extracted. ADD has no {@code
     * --from}.
     *
     * @param unpack {@code --unpack}: absent means Docker's default (local archives are extracted, remote ones not)
     */
    record Add(
            List<String> sources,
            List<Heredoc> heredocs,
            String destination,
            Optional<String> chown,
            Optional<String> chmod,
            boolean link,
            List<String> excludes,
            Optional<String> checksum,
            boolean keepGitDir,
            Optional<Boolean> unpack,
            Location location,
            String original)
            implements Instruction {
        public Add {
            sources = List.copyOf(sources);
            heredocs = List.copyOf(heredocs);
            Objects.requireNonNull(destination, "destination");
            excludes = List.copyOf(excludes);
        }
    }

    /** {@code ENV K=V ...} or the legacy {@code ENV K V} (the value is the rest of the line). */
    record Env(List<KeyValue> pairs, Location location, String original) implements Instruction {
        public Env {
            pairs = List.copyOf(pairs);
        }
    }

    /** {@code LABEL K=V ...} or the legacy {@code LABEL K V}. */
    record Label(List<KeyValue> pairs, Location location, String original) implements Instruction {
        public Label {
            pairs = List.copyOf(pairs);
        }
    }

    /** {@code ARG NAME[=default] ...}: before the first FROM a global build argument, else one of its stage. */
    record Arg(List<ArgDeclaration> declarations, Location location, String original) implements Instruction {
        public Arg {
            declarations = List.copyOf(declarations);
        }
    }

    /** {@code WORKDIR path} (the whole rest of the line). */
    record Workdir(String path, Location location, String original) implements Instruction {}

    /** {@code USER user[:group]}. */
    record User(String user, Location location, String original) implements Instruction {}

    /** {@code EXPOSE 80 443/tcp 53/udp}: the words, raw (each may expand to several ports). */
    record Expose(List<String> ports, Location location, String original) implements Instruction {
        public Expose {
            ports = List.copyOf(ports);
        }
    }

    /** {@code VOLUME ["/a", "/b"]} or {@code VOLUME /a /b}. */
    record Volume(List<String> paths, Location location, String original) implements Instruction {
        public Volume {
            paths = List.copyOf(paths);
        }
    }

    /** {@code CMD} in shell or exec form. */
    record Cmd(Command command, Location location, String original) implements Instruction {}

    /** {@code ENTRYPOINT} in shell or exec form. */
    record Entrypoint(Command command, Location location, String original) implements Instruction {}

    /** {@code SHELL ["executable", "parameters"]}: JSON only. */
    record Shell(List<String> shell, Location location, String original) implements Instruction {
        public Shell {
            shell = List.copyOf(shell);
        }
    }

    /** {@code STOPSIGNAL SIGTERM} or a number. */
    record StopSignal(String signal, Location location, String original) implements Instruction {}

    /**
     * {@code HEALTHCHECK NONE} (an empty {@code test}) or {@code HEALTHCHECK [options] CMD command}. Durations are
     * checked at parse time (Go syntax: {@code 30s}, {@code 1m30s}, {@code 500ms}); an absent option keeps the base
     * image's value.
     */
    record Healthcheck(
            Optional<Command> test,
            Optional<Duration> interval,
            Optional<Duration> timeout,
            Optional<Duration> startPeriod,
            Optional<Duration> startInterval,
            Optional<Integer> retries,
            Location location,
            String original)
            implements Instruction {
        /** {@code HEALTHCHECK NONE}: disables the base image's check. */
        public boolean isNone() {
            return test.isEmpty();
        }
    }

    /**
     * {@code ONBUILD instruction}: a trigger stored in the image and run by images built from it.
     *
     * @param trigger the inner instruction, parsed (never FROM, MAINTAINER or ONBUILD)
     * @param triggerText the text after {@code ONBUILD}, as stored in the image config's {@code OnBuild}
     */
    record Onbuild(Instruction trigger, String triggerText, Location location, String original)
            implements Instruction {}

    /** {@code MAINTAINER name}: deprecated, sets the image's author. */
    record Maintainer(String name, Location location, String original) implements Instruction {}
}
