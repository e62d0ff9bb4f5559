package dev.berth.builder.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way a Dockerfile can be wrong, with the line the error names. */
class DockerfileErrorTest {
    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "FROM a\\n\\nRUNN make                          | Dockerfile:3: unknown instruction: RUNN",
                "FROM a\\nRUN echo \\\\n  x\\nCOPI . /         | Dockerfile:4: unknown instruction: COPI",
                "RUN make                                      | Dockerfile:1: FROM missing: RUN must come after a FROM (only ARG may come before the first FROM)",
                "# comment only\\n\\n                           | Dockerfile: the Dockerfile is empty",
                "ARG A=1\\nARG B                                | Dockerfile: FROM missing: the Dockerfile has no build stage",
                "FROM                                          | Dockerfile:1: FROM requires either one or three arguments: FROM <image> [AS <name>]",
                "FROM a AS                                     | Dockerfile:1: FROM requires either one or three arguments: FROM <image> [AS <name>]",
                "FROM a TO b                                   | Dockerfile:1: FROM requires either one or three arguments: FROM <image> [AS <name>]",
                "FROM a AS 1st                                 | Dockerfile:1: invalid name for build stage: \"1st\", name can't start with a number or contain symbols",
                "FROM a AS x\\nFROM b AS X                      | Dockerfile:2: duplicate stage name \"x\"",
                "FROM --plat=x a                               | Dockerfile:1: unknown flag: --plat",
                "FROM a\\nCOPY --from . /                       | Dockerfile:2: missing a value on flag: --from",
                "FROM a\\nCOPY --from=b --from=c . /            | Dockerfile:2: duplicate flag specified: --from",
                "FROM a\\nCOPY --link=maybe . /                 | Dockerfile:2: expecting a boolean value for flag --link, not: maybe",
                "FROM a\\nADD --from=b x /                      | Dockerfile:2: unknown flag: --from",
                "FROM a\\nCOPY onlyone                          | Dockerfile:2: COPY requires at least two arguments, a source and a destination, but only one was given",
                "FROM a\\nADD                                   | Dockerfile:2: ADD requires at least two arguments, a source and a destination",
                "FROM a\\nRUN                                   | Dockerfile:2: RUN requires at least one argument",
                "FROM a\\nRUN --network=wifi make               | Dockerfile:2: invalid value for --network: wifi (one of default, host, none)",
                "FROM a\\nRUN --security=root make              | Dockerfile:2: invalid value for --security: root (one of insecure, sandbox)",
                "FROM a\\nRUN --mount=type=nfs,target=/x make   | Dockerfile:2: unsupported --mount type: nfs",
                "FROM a\\nRUN --mount=type=cache,=x make        | Dockerfile:2: invalid --mount field: \"=x\"",
                "FROM a\\nRUN <<EOF\\necho hi\\n                 | Dockerfile:2: unterminated heredoc EOF",
                "FROM a\\nENV                                   | Dockerfile:2: ENV requires at least one argument",
                "FROM a\\nENV ONLYKEY                           | Dockerfile:2: ENV must have two arguments: ENV <key>=<value> or ENV <key> <value>",
                "FROM a\\nENV A=1 B                             | Dockerfile:2: syntax error - can't find = in \"B\". Must be of the form: name=value",
                "FROM a\\nENV =1                                | Dockerfile:2: ENV names can not be blank",
                "FROM a\\nLABEL                                 | Dockerfile:2: LABEL requires at least one argument",
                "FROM a\\nARG                                   | Dockerfile:2: ARG requires at least one argument",
                "FROM a\\nARG =x                                | Dockerfile:2: ARG names can not be blank",
                "FROM a\\nWORKDIR                               | Dockerfile:2: WORKDIR requires exactly one argument",
                "FROM a\\nUSER                                  | Dockerfile:2: USER requires exactly one argument",
                "FROM a\\nSTOPSIGNAL                            | Dockerfile:2: STOPSIGNAL requires exactly one argument",
                "FROM a\\nMAINTAINER                            | Dockerfile:2: MAINTAINER requires exactly one argument",
                "FROM a\\nEXPOSE                                | Dockerfile:2: EXPOSE requires at least one argument",
                "FROM a\\nVOLUME                                | Dockerfile:2: VOLUME requires at least one argument",
                "FROM a\\nVOLUME [\"/a\", \"\"]                  | Dockerfile:2: VOLUME specified can not be an empty string",
                "FROM a\\nSHELL /bin/bash -c                    | Dockerfile:2: SHELL requires the arguments to be in JSON form",
                "FROM a\\nSHELL [\"/bin/sh\", 1]                 | Dockerfile:2: SHELL requires the arguments to be in JSON form",
                "FROM a\\nSHELL []                              | Dockerfile:2: SHELL requires at least one argument",
                "FROM a\\nHEALTHCHECK                           | Dockerfile:2: unknown type \"\" in HEALTHCHECK (try CMD or NONE)",
                "FROM a\\nHEALTHCHECK RUN x                     | Dockerfile:2: unknown type \"RUN\" in HEALTHCHECK (try CMD or NONE)",
                "FROM a\\nHEALTHCHECK NONE x                    | Dockerfile:2: HEALTHCHECK NONE takes no arguments",
                "FROM a\\nCOPY a <<EOF\\nx\\nEOF                | Dockerfile:2: COPY cannot take a heredoc as its destination",
                "FROM a\\nHEALTHCHECK CMD                       | Dockerfile:2: missing command after HEALTHCHECK CMD",
                "FROM a\\nHEALTHCHECK --interval=5 CMD x        | Dockerfile:2: invalid duration for --interval: 5",
                "FROM a\\nHEALTHCHECK --timeout=10us CMD x      | Dockerfile:2: --timeout cannot be less than 1ms: 10us",
                "FROM a\\nHEALTHCHECK --retries=x CMD x         | Dockerfile:2: --retries must be a whole number: x",
                "FROM a\\nHEALTHCHECK --retries=-1 CMD x        | Dockerfile:2: --retries cannot be negative: -1",
                "FROM a\\nHEALTHCHECK --every=1s CMD x          | Dockerfile:2: unknown flag: --every",
                "FROM a\\nONBUILD                               | Dockerfile:2: ONBUILD requires at least one argument",
                "FROM a\\nONBUILD ONBUILD RUN x                 | Dockerfile:2: chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed",
                "FROM a\\nONBUILD from b                        | Dockerfile:2: FROM isn't allowed as an ONBUILD trigger",
                "FROM a\\nONBUILD MAINTAINER me                 | Dockerfile:2: MAINTAINER isn't allowed as an ONBUILD trigger",
                "FROM a\\nONBUILD RUNN x                        | Dockerfile:2: unknown instruction: RUNN",
                "FROM a\\nCMD --help                            | Dockerfile:2: unknown flag: --help",
                "# escape=x\\nFROM a                            | Dockerfile:1: invalid escape token 'x' does not match ` or \\",
                "# escape=`\\n# ESCAPE=\\\\\\nFROM a               | Dockerfile:2: only one escape parser directive can be used",
                "# syntax=a\\n# syntax=b\\nFROM a               | Dockerfile:2: only one syntax parser directive can be used",
            })
    void reportsTheProblemWithItsLine(String text, String message) {
        DockerfileException e = assertThrows(
                DockerfileException.class, () -> Dockerfile.parse(text.replace("\\n", "\n"), "Dockerfile"));
        assertEquals(message, e.getMessage());
    }

    @Test
    void theReasonAndLocationAreAvailableApart() {
        DockerfileException e = assertThrows(
                DockerfileException.class, () -> Dockerfile.parse("FROM a\nRUNN x", "build/Dockerfile.prod"));
        assertEquals(new Location("build/Dockerfile.prod", 2), e.location());
        assertEquals("unknown instruction: RUNN", e.reason());
    }

    @Test
    void anUnknownTargetIsAnError() {
        Dockerfile dockerfile = Dockerfile.parse("FROM a AS one\nFROM b AS two", "Dockerfile");
        DockerfileException e =
                assertThrows(DockerfileException.class, () -> dockerfile.stagesFor(Optional.of("three"), Map.of()));
        assertEquals("Dockerfile: target stage \"three\" could not be found", e.getMessage());
    }

    @Test
    void aGlobalArgThatCannotBeExpandedIsAnErrorAtItsLine() {
        Dockerfile dockerfile = Dockerfile.parse("ARG A\nARG B=${A:?is_required}\nFROM x", "Dockerfile");
        DockerfileException e = assertThrows(DockerfileException.class, () -> dockerfile.globalScope(Map.of()));
        assertEquals("Dockerfile:2: A: is_required", e.getMessage());
        assertEquals(Map.of("A", "1", "B", "1"), dockerfile.globalScope(Map.of("A", "1")));
    }
}
