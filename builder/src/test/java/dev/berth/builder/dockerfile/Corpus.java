package dev.berth.builder.dockerfile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Reads the Dockerfiles of {@code src/test/resources/dockerfiles} and builds the instructions they should parse to. */
final class Corpus {
    private final String file;

    Corpus(String file) {
        this.file = file;
    }

    Dockerfile parse() {
        return Dockerfile.parse(text(file), file);
    }

    static String text(String file) {
        try (InputStream in = Corpus.class.getResourceAsStream("/dockerfiles/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Location at(int line) {
        return new Location(file, line);
    }

    Instruction.From from(String image, String alias, String platform, int line, String original) {
        return new Instruction.From(
                image, Optional.ofNullable(alias), Optional.ofNullable(platform), at(line), original);
    }

    Instruction.Run run(Command command, int line, String original) {
        return new Instruction.Run(
                command, List.of(), List.of(), Optional.empty(), Optional.empty(), at(line), original);
    }

    Instruction.Run run(String shell, List<Heredoc> heredocs, int line, String original) {
        return new Instruction.Run(
                new Command.Shell(shell), heredocs, List.of(), Optional.empty(), Optional.empty(), at(line), original);
    }

    Instruction.Run run(String shell, List<RunMount> mounts, String original, int line) {
        return new Instruction.Run(
                new Command.Shell(shell), List.of(), mounts, Optional.empty(), Optional.empty(), at(line), original);
    }

    Instruction.Copy copy(List<String> sources, String destination, int line, String original) {
        return copy(sources, List.of(), destination, null, null, null, line, original);
    }

    Instruction.Copy copy(
            List<String> sources,
            List<Heredoc> heredocs,
            String destination,
            String from,
            String chown,
            String chmod,
            int line,
            String original) {
        return new Instruction.Copy(
                sources,
                heredocs,
                destination,
                Optional.ofNullable(from),
                Optional.ofNullable(chown),
                Optional.ofNullable(chmod),
                false,
                false,
                List.of(),
                at(line),
                original);
    }

    Instruction.Add add(List<String> sources, String destination, int line, String original) {
        return new Instruction.Add(
                sources,
                List.of(),
                destination,
                Optional.empty(),
                Optional.empty(),
                false,
                List.of(),
                Optional.empty(),
                false,
                Optional.empty(),
                at(line),
                original);
    }

    Instruction.Healthcheck healthcheck(
            Command test,
            Duration interval,
            Duration timeout,
            Duration startPeriod,
            Duration startInterval,
            Integer retries,
            int line,
            String original) {
        return new Instruction.Healthcheck(
                Optional.ofNullable(test),
                Optional.ofNullable(interval),
                Optional.ofNullable(timeout),
                Optional.ofNullable(startPeriod),
                Optional.ofNullable(startInterval),
                Optional.ofNullable(retries),
                at(line),
                original);
    }

    static KeyValue pair(String key, String value) {
        return new KeyValue(key, value);
    }

    static ArgDeclaration arg(String name) {
        return new ArgDeclaration(name, Optional.empty());
    }

    static ArgDeclaration arg(String name, String defaultValue) {
        return new ArgDeclaration(name, Optional.of(defaultValue));
    }

    static Command shell(String text) {
        return new Command.Shell(text);
    }

    static Command exec(String... arguments) {
        return new Command.Exec(List.of(arguments));
    }
}
