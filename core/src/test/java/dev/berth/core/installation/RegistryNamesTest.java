package dev.berth.core.installation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistryNamesTest {
    @ParameterizedTest
    @ValueSource(strings = {"abcde", "MyReg1", "12345", "a23456789012345678901234567890123456789012345678z"})
    void fiveToFiftyLettersAndDigitsAreARegistryName(String name) {
        assertTrue(RegistryNames.problem(name).isEmpty(), name);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "abcd",
                "my-reg",
                "my_reg",
                "my.reg",
                "régistre",
                "abcde ",
                "a23456789012345678901234567890123456789012345678901"
            })
    void anythingElseIsNot(String name) {
        assertTrue(RegistryNames.problem(name).isPresent(), name);
        InstallationFixture.refused(ErrorCode.INVALID_REQUEST, () -> RegistryNames.normalize(name));
    }

    @Test
    void nullIsNotARegistryName() {
        assertTrue(RegistryNames.problem(null).isPresent());
        InstallationFixture.refused(ErrorCode.INVALID_REQUEST, () -> RegistryNames.normalize(null));
    }

    @Test
    void namesAreKeptInLowerCase() {
        assertEquals("myreg1", RegistryNames.normalize("MyReg1"));
    }

    @Test
    void aLongBadNameIsShortenedInTheMessage() {
        String name = "x".repeat(200) + "!";
        String message = InstallationFixture.refused(ErrorCode.INVALID_REQUEST, () -> RegistryNames.normalize(name))
                .getMessage();
        assertTrue(message.length() < 150, message);
    }
}
