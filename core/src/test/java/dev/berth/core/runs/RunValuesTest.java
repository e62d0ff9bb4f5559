package dev.berth.core.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RunValuesTest {
    private final RunValues values =
            new RunValues("ca7", "myreg.localhost:5000", "myreg", Instant.parse("2026-03-04T05:06:07Z"));

    @Test
    void templateValuesAreSubstituted() {
        assertEquals(
                "myreg.localhost:5000/app:ca7-20260304-050607z",
                values.substitute("{{.Run.Registry}}/app:{{.Run.ID}}-{{ .Run.Date }}"));
        assertEquals("myreg/app:ca7", values.substitute("{{.Run.RegistryName}}/app:{{.Run.ID}}"));
    }

    @Test
    void dollarAliasesAreSubstitutedLongestNameFirst() {
        assertEquals("myreg/app:ca7", values.substitute("$RegistryName/app:$ID"));
        assertEquals("myreg.localhost:5000/app:20260304-050607z", values.substitute("$Registry/app:$Date"));
    }

    @Test
    void otherTextIsLeftAlone() {
        assertEquals("app:{{.Run.Other}}-$HOME", values.substitute("app:{{.Run.Other}}-$HOME"));
    }
}
