package dev.berth.builder.dockerfile;

import dev.berth.builder.dockerfile.Substitution.SubstitutionException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Expands the variables of one instruction, as Docker does at build time, for the instructions that expand: {@code
 * FROM} (image and platform, with the global scope), {@code COPY} and {@code ADD} (sources, destination, {@code
 * --from}, {@code --chown}, {@code --chmod}, {@code --exclude}, {@code --checksum}, and the bodies of unquoted
 * heredocs), {@code ENV} and {@code LABEL} (keys and values), {@code ARG} defaults, {@code WORKDIR}, {@code USER},
 * {@code STOPSIGNAL}, {@code VOLUME}, and {@code EXPOSE} (each word may become several). Every value of one
 * instruction is expanded with the same {@code env}: {@code ENV A=1 B=$A} gives {@code B} the previous {@code A}.
 * Other instructions come back unchanged: {@code RUN}, {@code CMD} and {@code ENTRYPOINT} are left to the shell,
 * {@code ONBUILD} triggers expand when they run.
 */
public final class Expander {
    private final Substitution substitution;

    public Expander(Directives directives) {
        this.substitution = Substitution.of(directives);
    }

    /**
     * The instruction with its values expanded; location and original text are kept.
     *
     * @param env the variables in scope: the stage's {@code ENV} and declared {@code ARG} values
     * @throws DockerfileException at the instruction's line if a value cannot be expanded
     */
    @SuppressWarnings("unchecked")
    public <T extends Instruction> T expand(T instruction, Map<String, String> env) {
        try {
            return (T) expanded(instruction, new Scope(substitution, env));
        } catch (SubstitutionException e) {
            throw new DockerfileException(instruction.location(), e.getMessage());
        }
    }

    private static Instruction expanded(Instruction instruction, Scope s) {
        return switch (instruction) {
            case Instruction.From i ->
                new Instruction.From(s.word(i.image()), i.alias(), s.word(i.platform()), i.location(), i.original());
            case Instruction.Copy i ->
                new Instruction.Copy(
                        s.words(i.sources()),
                        s.heredocs(i.heredocs()),
                        s.word(i.destination()),
                        s.word(i.from()),
                        s.word(i.chown()),
                        s.word(i.chmod()),
                        i.link(),
                        i.parents(),
                        s.words(i.excludes()),
                        i.location(),
                        i.original());
            case Instruction.Add i ->
                new Instruction.Add(
                        s.words(i.sources()),
                        s.heredocs(i.heredocs()),
                        s.word(i.destination()),
                        s.word(i.chown()),
                        s.word(i.chmod()),
                        i.link(),
                        s.words(i.excludes()),
                        s.word(i.checksum()),
                        i.keepGitDir(),
                        i.unpack(),
                        i.location(),
                        i.original());
            case Instruction.Env i -> new Instruction.Env(s.pairs(i.pairs()), i.location(), i.original());
            case Instruction.Label i -> new Instruction.Label(s.pairs(i.pairs()), i.location(), i.original());
            case Instruction.Arg i -> new Instruction.Arg(s.declarations(i.declarations()), i.location(), i.original());
            case Instruction.Workdir i -> new Instruction.Workdir(s.word(i.path()), i.location(), i.original());
            case Instruction.User i -> new Instruction.User(s.word(i.user()), i.location(), i.original());
            case Instruction.StopSignal i -> new Instruction.StopSignal(s.word(i.signal()), i.location(), i.original());
            case Instruction.Volume i -> new Instruction.Volume(s.words(i.paths()), i.location(), i.original());
            case Instruction.Expose i -> new Instruction.Expose(s.split(i.ports()), i.location(), i.original());
            default -> instruction;
        };
    }

    /** One substitution with one environment. */
    private record Scope(Substitution substitution, Map<String, String> env) {
        String word(String raw) {
            return substitution.expand(raw, env);
        }

        Optional<String> word(Optional<String> raw) {
            return raw.map(this::word);
        }

        List<String> words(List<String> raw) {
            return raw.stream().map(this::word).toList();
        }

        List<String> split(List<String> raw) {
            return raw.stream()
                    .flatMap(w -> substitution.expandWords(w, env).stream())
                    .toList();
        }

        List<KeyValue> pairs(List<KeyValue> raw) {
            return raw.stream()
                    .map(p -> new KeyValue(word(p.key()), word(p.value())))
                    .toList();
        }

        List<ArgDeclaration> declarations(List<ArgDeclaration> raw) {
            return raw.stream()
                    .map(d -> new ArgDeclaration(d.name(), word(d.defaultValue())))
                    .toList();
        }

        List<Heredoc> heredocs(List<Heredoc> raw) {
            return raw.stream()
                    .map(h -> h.expand() ? new Heredoc(h.name(), body(h.content()), true, h.stripTabs()) : h)
                    .toList();
        }

        /** A heredoc body: variables expand, quotes are kept (they are content). */
        private String body(String content) {
            return substitution.expandHeredoc(content, env);
        }
    }
}
