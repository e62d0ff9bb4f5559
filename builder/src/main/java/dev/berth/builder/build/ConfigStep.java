package dev.berth.builder.build;

import dev.berth.builder.dockerfile.ArgDeclaration;
import dev.berth.builder.dockerfile.Command;
import dev.berth.builder.dockerfile.Instruction;
import dev.berth.builder.dockerfile.KeyValue;
import dev.berth.builder.image.ImageConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The instructions that change only the image config ({@code ENV}, {@code LABEL}, {@code ARG}, {@code USER},
 * {@code EXPOSE}, {@code VOLUME}, {@code CMD}, {@code ENTRYPOINT}, {@code SHELL}, {@code STOPSIGNAL}, {@code
 * HEALTHCHECK}, {@code ONBUILD}, {@code MAINTAINER}): no layer, an empty history entry, and a new cache key so that
 * later steps see the change.
 */
final class ConfigStep {
    private final BuildSession session;
    private final StageState state;

    ConfigStep(BuildSession session, StageState state) {
        this.session = session;
        this.state = state;
    }

    void execute(Instruction instruction) throws BuildException {
        String applied = apply(instruction);
        state.advance(state.key().next().add(instruction.keyword()).add(applied).build());
        state.addHistory(session.mask(instruction.original() + " # berth"), session.created);
    }

    /** Applies the instruction; returns what it set, expanded, for the cache key. */
    private String apply(Instruction instruction) throws BuildException {
        ImageConfig config = state.config();
        return switch (instruction) {
            case Instruction.Env env -> pairs(env.pairs(), env, config::setEnv);
            case Instruction.Label label -> pairs(label.pairs(), label, config::putLabel);
            case Instruction.Arg arg -> declare(arg);
            case Instruction.User user -> set(expand(user.user(), user), config::setUser);
            case Instruction.Expose expose -> expose(expose);
            case Instruction.Volume volume -> volume(volume);
            case Instruction.Cmd cmd -> cmd(cmd);
            case Instruction.Entrypoint entrypoint -> entrypoint(entrypoint);
            case Instruction.Shell shell -> {
                config.setShell(shell.shell());
                yield shell.shell().toString();
            }
            case Instruction.StopSignal signal -> set(expand(signal.signal(), signal), config::setStopSignal);
            case Instruction.Healthcheck healthcheck -> healthcheck(healthcheck);
            case Instruction.Onbuild onbuild -> set(onbuild.triggerText(), config::addOnBuild);
            case Instruction.Maintainer maintainer -> set(maintainer.name(), config::setAuthor);
            default -> throw new IllegalArgumentException(instruction.keyword() + " is not a config instruction");
        };
    }

    private interface Setter {
        void set(String value);
    }

    private interface PairSetter {
        void set(String key, String value);
    }

    private static String set(String value, Setter setter) {
        setter.set(value);
        return value;
    }

    /**
     * {@code ENV} and {@code LABEL}: every pair is expanded with the values from before the instruction, so {@code ENV
     * A=new B=$A} gives B the old A, as in Docker.
     */
    private String pairs(List<KeyValue> pairs, Instruction instruction, PairSetter setter) throws BuildException {
        Map<String, String> before = state.expansionEnv();
        StringBuilder applied = new StringBuilder();
        for (KeyValue pair : pairs) {
            String key = Expansion.word(session, before, pair.key(), instruction.location());
            String value = Expansion.word(session, before, pair.value(), instruction.location());
            setter.set(key, value);
            applied.append(key).append('=').append(value).append('\0');
        }
        return applied.toString();
    }

    /**
     * {@code ARG}: a {@code --build-arg} value wins, then the declared default, then the global ARG of that name;
     * without any, the variable stays unset. Only the instruction as written enters the key: values reach the keys
     * of the steps that use them (a RUN's environment, an expanded word), so a changed value rebuilds those alone, as
     * in BuildKit, and a secret value enters a key only hashed.
     */
    private String declare(Instruction.Arg arg) throws BuildException {
        for (ArgDeclaration declaration : arg.declarations()) {
            String name = declaration.name();
            Optional<String> value =
                    Optional.ofNullable(session.request.buildArgs().get(name));
            if (value.isEmpty() && declaration.defaultValue().isPresent()) {
                value = Optional.of(expand(declaration.defaultValue().get(), arg));
            }
            if (value.isEmpty()) {
                value = Optional.ofNullable(session.globalArgs.get(name));
            }
            value.ifPresent(v -> state.args().put(name, v));
        }
        return arg.original();
    }

    private String expose(Instruction.Expose expose) throws BuildException {
        List<String> ports = new ArrayList<>();
        for (String raw : expose.ports()) {
            for (String port : Expansion.words(session, state.expansionEnv(), raw, expose.location())) {
                String normalized = port.contains("/") ? port.toLowerCase(java.util.Locale.ROOT) : port + "/tcp";
                state.config().exposePort(normalized);
                ports.add(normalized);
            }
        }
        return ports.toString();
    }

    private String volume(Instruction.Volume volume) throws BuildException {
        List<String> paths = new ArrayList<>();
        for (String raw : volume.paths()) {
            for (String path : Expansion.words(session, state.expansionEnv(), raw, volume.location())) {
                state.config().addVolume(path);
                paths.add(path);
            }
        }
        return paths.toString();
    }

    private String cmd(Instruction.Cmd cmd) {
        List<String> args = commandLine(cmd.command());
        state.config().setCmd(args);
        state.markCmdSet();
        return args.toString();
    }

    private String entrypoint(Instruction.Entrypoint entrypoint) {
        List<String> args = commandLine(entrypoint.command());
        state.config().setEntrypoint(args, !state.cmdSetHere());
        return args.toString();
    }

    /** The exec form as is; the shell form run by the image's shell ({@code /bin/sh -c} by default). */
    private List<String> commandLine(Command command) {
        return switch (command) {
            case Command.Exec exec -> exec.arguments();
            case Command.Shell shell -> {
                List<String> args = new ArrayList<>(state.config().shell().orElse(List.of("/bin/sh", "-c")));
                args.add(shell.text());
                yield args;
            }
        };
    }

    private String healthcheck(Instruction.Healthcheck healthcheck) {
        Map<String, Object> check = new LinkedHashMap<>();
        if (healthcheck.isNone()) {
            check.put("Test", List.of("NONE"));
        } else {
            List<String> test = new ArrayList<>();
            switch (healthcheck.test().get()) {
                case Command.Exec exec -> {
                    test.add("CMD");
                    test.addAll(exec.arguments());
                }
                case Command.Shell shell -> {
                    test.add("CMD-SHELL");
                    test.add(shell.text());
                }
            }
            check.put("Test", test);
            healthcheck.interval().ifPresent(d -> check.put("Interval", nanos(d)));
            healthcheck.timeout().ifPresent(d -> check.put("Timeout", nanos(d)));
            healthcheck.startPeriod().ifPresent(d -> check.put("StartPeriod", nanos(d)));
            healthcheck.startInterval().ifPresent(d -> check.put("StartInterval", nanos(d)));
            healthcheck.retries().ifPresent(r -> check.put("Retries", r));
        }
        state.config().setHealthcheck(check);
        return check.toString();
    }

    private static long nanos(Duration duration) {
        return duration.toNanos();
    }

    private String expand(String raw, Instruction instruction) throws BuildException {
        return Expansion.word(session, state.expansionEnv(), raw, instruction.location());
    }
}
