package dev.berth.builder.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How lines become instructions: continuations, comments, directives, line endings, JSON fallback, flags. */
class DockerfileLexingTest {
    private static List<Instruction> instructions(String text) {
        return Dockerfile.parse(text, "Dockerfile").stages().getFirst().instructions();
    }

    private static Instruction only(String text) {
        return instructions("FROM scratch\n" + text).getFirst();
    }

    @Test
    void crlfLineEndingsAndAByteOrderMarkAreAccepted() {
        Dockerfile dockerfile =
                Dockerfile.parse("\uFEFFFROM alpine\r\nRUN echo \\\r\n  hi\r\nUSER me\r\n", "Dockerfile");
        assertEquals("alpine", dockerfile.stages().getFirst().from().image());
        List<Instruction> instructions = dockerfile.stages().getFirst().instructions();
        assertEquals(new Command.Shell("echo   hi"), ((Instruction.Run) instructions.get(0)).command());
        assertEquals(new Location("Dockerfile", 4), instructions.get(1).location());
    }

    @Test
    void linesAfterContinuationsCommentsAndHeredocsKeepTheirNumbers() {
        List<Instruction> instructions = instructions(String.join(
                "\n",
                "FROM a",
                "RUN one \\",
                "  # comment inside",
                "",
                "  two \\   ",
                "  three",
                "  # a comment",
                "RUN <<EOF",
                "body",
                "EOF",
                "",
                "USER nobody"));
        assertEquals(new Command.Shell("one   two   three"), ((Instruction.Run) instructions.get(0)).command());
        assertEquals(
                List.of(2, 8, 12),
                instructions.stream().map(i -> i.location().line()).toList());
    }

    @Test
    void anEscapedEscapeCharacterDoesNotContinueTheLine() {
        List<Instruction> instructions = instructions("FROM a\nRUN echo \\\\ \nUSER x\nRUN \\\n  ls");
        assertEquals(new Command.Shell("echo \\\\"), ((Instruction.Run) instructions.get(0)).command());
        assertEquals("USER", instructions.get(1).keyword());
        assertEquals(new Command.Shell("ls"), ((Instruction.Run) instructions.get(2)).command());
    }

    @Test
    void directivesCountOnlyAtTheTopOfTheFile() {
        assertEquals(
                '`',
                Dockerfile.parse("  #  ESCAPE = `\nFROM a", "D").directives().escape());
        assertEquals(
                '\\',
                Dockerfile.parse("# comment\n# escape=`\nFROM a", "D")
                        .directives()
                        .escape());
        assertEquals(
                '\\', Dockerfile.parse("\n# escape=`\nFROM a", "D").directives().escape());
        assertEquals(
                '\\',
                Dockerfile.parse("FROM a\n# escape=`\nRUN x", "D").directives().escape());
        Directives many = Dockerfile.parse("# check=skip=all\n# syntax=x/y\n# escape=`\nFROM a", "D")
                .directives();
        assertEquals(new Directives('`', Optional.of("x/y")), many);
        assertEquals(
                '\\',
                Dockerfile.parse("# unknown=1\n# escape=`\nFROM a", "D")
                        .directives()
                        .escape());
    }

    @Test
    void invalidJsonFallsBackToTheShellForm() {
        assertEquals(
                new Command.Exec(List.of("make", "all")),
                ((Instruction.Run) only("RUN [\"make\", \"all\"]")).command());
        assertEquals(new Command.Shell("[\"make\", all]"), ((Instruction.Run) only("RUN [\"make\", all]")).command());
        assertEquals(new Command.Shell("['make']"), ((Instruction.Cmd) only("CMD ['make']")).command());
        assertEquals(new Command.Exec(List.of()), ((Instruction.Entrypoint) only("ENTRYPOINT []")).command());
        assertEquals(List.of("[/a]"), ((Instruction.Volume) only("VOLUME [/a]")).paths());
    }

    @Test
    void keywordsAreCaseInsensitiveAndMaySeparateWithTabs() {
        Instruction.Workdir workdir = (Instruction.Workdir) only("wOrKdIr\t/my dir ");
        assertEquals("/my dir", workdir.path());
        assertEquals("WORKDIR", workdir.keyword());
        assertEquals("wOrKdIr\t/my dir", workdir.original());
    }

    @Test
    void runOptionsAreKept() {
        Instruction.Run run = (Instruction.Run) only("RUN --network=none --security=insecure"
                + " --mount=type=bind,from=build,source=/out,target=/in,readonly"
                + " --mount=type=secret,id=npm,dst=/root/.npmrc --mount=\"type=tmpfs,target=/t\" make");
        assertEquals(Optional.of("none"), run.network());
        assertEquals(Optional.of("insecure"), run.security());
        assertEquals(3, run.mounts().size());
        RunMount bind = run.mounts().get(0);
        assertEquals("bind", bind.type());
        assertEquals(Optional.of("build"), bind.from());
        assertEquals(Optional.of("/out"), bind.source());
        assertEquals(Optional.of("/in"), bind.target());
        assertEquals(Optional.of(""), bind.field("readonly"));
        assertEquals(Optional.of("/root/.npmrc"), run.mounts().get(1).target());
        assertEquals("tmpfs", run.mounts().get(2).type());
        assertEquals(new Command.Shell("make"), run.command());
        assertEquals("bind", RunMountParser.parse("target=/x").type());
    }

    @Test
    void aRunHeredocIsEitherTheScriptOrFedToTheCommand() {
        List<Instruction> runs = instructions(String.join(
                "\n",
                "FROM a",
                "RUN <<EOF",
                "#!/usr/bin/env python3",
                "print('hi')",
                "EOF",
                "RUN cat <<A > /a && cat <<-B > /b",
                "one",
                "A",
                "\ttwo",
                "\tB",
                "RUN [\"echo\", \"hi\"]"));
        Instruction.Run script = (Instruction.Run) runs.get(0);
        assertEquals(Optional.of(script.heredocs().getFirst()), script.scriptHeredoc());
        Instruction.Run fed = (Instruction.Run) runs.get(1);
        assertEquals(Optional.empty(), fed.scriptHeredoc());
        assertEquals("cat <<A > /a && cat <<-B > /b\none\nA\ntwo\nB", fed.shellScript());
        assertEquals("echo hi", ((Instruction.Run) runs.get(2)).shellScript());
    }

    @Test
    void onbuildTriggersMayHaveHeredocsAndStoreThemInTheirText() {
        Instruction.Onbuild onbuild = (Instruction.Onbuild) only("ONBUILD RUN <<EOF\necho hi\nEOF\nUSER x");
        assertEquals("RUN <<EOF\necho hi\nEOF", onbuild.triggerText());
        Instruction.Run run = (Instruction.Run) onbuild.trigger();
        assertEquals(List.of(new Heredoc("EOF", "echo hi\n", true, false)), run.heredocs());
        assertEquals(new Location("Dockerfile", 2), run.location());
    }

    @Test
    void healthcheckNoneIgnoresOptionsAsDockerDoes() {
        Instruction.Healthcheck none = (Instruction.Healthcheck) only("HEALTHCHECK --interval=5s NONE");
        assertEquals(true, none.isNone());
        assertEquals(Optional.empty(), none.interval());
    }

    @Test
    void addUnpackIsKeptOnlyWhenGiven() {
        assertEquals(Optional.of(true), ((Instruction.Add) only("ADD --unpack https://x/a.tgz /")).unpack());
        assertEquals(Optional.empty(), ((Instruction.Add) only("ADD https://x/a.tgz /")).unpack());
    }

    @Test
    void quotedFlagValuesLoseTheirQuotes() {
        Instruction.Copy copy = (Instruction.Copy) only("COPY --chown=\"app user:staff\" --exclude='*.tmp' a b");
        assertEquals(Optional.of("app user:staff"), copy.chown());
        assertEquals(List.of("*.tmp"), copy.excludes());
        assertEquals(List.of("a"), copy.sources());
        Instruction.Copy escaped = (Instruction.Copy) only("COPY --chown=app\\ user -- --odd-name b");
        assertEquals(Optional.of("app user"), escaped.chown());
        assertEquals(List.of("--odd-name"), escaped.sources());
    }

    @Test
    void legacyEnvAndLabelTakeTheRestOfTheLineAsValue() {
        assertEquals(
                List.of(new KeyValue("PATH", "/usr/local/bin:$PATH  and more")),
                ((Instruction.Env) only("ENV PATH /usr/local/bin:$PATH  and more")).pairs());
        assertEquals(
                List.of(new KeyValue("description", "\"A long one\"")),
                ((Instruction.Label) only("LABEL description \"A long one\"")).pairs());
        assertEquals(
                List.of(new KeyValue("A", "x\\ y"), new KeyValue("B", "'it is'"), new KeyValue("C", "")),
                ((Instruction.Env) only("ENV A=x\\ y B='it is' C=")).pairs());
    }

    @Test
    void argDeclaresSeveralVariablesWithAndWithoutDefaults() {
        assertEquals(
                List.of(
                        new ArgDeclaration("A", Optional.empty()),
                        new ArgDeclaration("B", Optional.of("")),
                        new ArgDeclaration("C", Optional.of("\"x y\""))),
                ((Instruction.Arg) only("ARG A B= C=\"x y\"")).declarations());
    }

    @Test
    void copyTakesJsonForPathsWithBlanks() {
        Instruction.Copy copy = (Instruction.Copy) only("COPY [\"my file\", \"other file\", \"/dest dir/\"]");
        assertEquals(List.of("my file", "other file"), copy.sources());
        assertEquals("/dest dir/", copy.destination());
    }

    @Test
    void theStagesOfATargetFollowFromCopyFromAndMounts() {
        Dockerfile dockerfile = Dockerfile.parse(
                String.join(
                        "\n",
                        "ARG BASE_STAGE=base",
                        "FROM alpine AS base",
                        "FROM base AS tools",
                        "FROM alpine AS unused",
                        "FROM ${BASE_STAGE} AS deps",
                        "FROM golang AS build",
                        "COPY --from=1 /x /x",
                        "RUN --mount=type=bind,from=deps,target=/d make",
                        "COPY --from=nginx:latest /etc/nginx /etc/nginx",
                        "COPY --from=later /y /y",
                        "FROM scratch AS later",
                        "COPY --from=build /out /"),
                "Dockerfile");
        assertEquals(List.of(0, 1, 3, 4, 5), indexes(dockerfile.stagesFor(Optional.empty(), Map.of())));
        assertEquals(List.of(0, 1, 3, 4), indexes(dockerfile.stagesFor(Optional.of("build"), Map.of())));
        assertEquals(
                List.of(0, 1, 2, 3, 4, 5),
                indexes(dockerfile.stagesFor(Optional.empty(), Map.of("BASE_STAGE", "unused"))));
        assertEquals(List.of(2), indexes(dockerfile.stagesFor(Optional.of("unused"), Map.of())));
        assertEquals(Optional.of("tools"), dockerfile.stage("1").flatMap(Stage::name));
        Stage build = dockerfile.stage("build").orElseThrow();
        assertEquals(Optional.of("tools"), dockerfile.stageBefore(build, "1").flatMap(Stage::name));
        assertEquals(Optional.of("deps"), dockerfile.stageBefore(build, "DEPS").flatMap(Stage::name));
        assertEquals(Optional.empty(), dockerfile.stageBefore(build, "later"));
        assertEquals(Optional.empty(), dockerfile.stageBefore(build, "4"));
        assertEquals(
                "4",
                Dockerfile.parse("FROM a\nFROM b\nFROM c\nFROM d\nFROM e", "D")
                        .lastStage()
                        .displayName());
    }

    private static List<Integer> indexes(List<Stage> stages) {
        return stages.stream().map(Stage::index).toList();
    }
}
