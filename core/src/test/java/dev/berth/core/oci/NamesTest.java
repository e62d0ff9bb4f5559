package dev.berth.core.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "a",
                "app",
                "library/busybox",
                "a/b/c/d",
                "my-app",
                "my--app",
                "my_app",
                "my__app",
                "my.app",
                "0",
                "a1/b2.c3-d4_e5"
            })
    void acceptsRepositoryNamesOfTheGrammar(String name) {
        assertTrue(RepositoryName.isValid(name));
        assertEquals(name, new RepositoryName(name).value());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "", "App", "a//b", "/a", "a/", "a..b", "a___b", "-a", "a-", ".a", "a/../b", "a b", "a:b", "a@b", "ä"
            })
    void refusesOtherRepositoryNamesAsNameInvalid(String name) {
        assertFalse(RepositoryName.isValid(name));
        assertEquals(
                ErrorCode.NAME_INVALID,
                assertThrows(RegistryException.class, () -> new RepositoryName(name))
                        .code());
    }

    @Test
    void limitsRepositoryNamesTo255Characters() {
        assertTrue(RepositoryName.isValid("a".repeat(255)));
        assertFalse(RepositoryName.isValid("a".repeat(256)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"latest", "v1.0.0", "_x", "A-b_c.D", "1"})
    void acceptsTagsOfTheGrammar(String tag) {
        assertTrue(Tag.isValid(tag));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".x", "-x", "a/b", "a:b", "a b"})
    void refusesOtherTags(String tag) {
        assertFalse(Tag.isValid(tag));
    }

    @Test
    void limitsTagsTo128Characters() {
        assertTrue(Tag.isValid("a".repeat(128)));
        assertFalse(Tag.isValid("a".repeat(129)));
    }

    @Test
    void readsAReferenceAsDigestWhenItHasAColon() {
        assertInstanceOf(
                Reference.ByDigest.class,
                Reference.parse(Digest.sha256(new byte[0]).toString()));
        assertInstanceOf(Reference.ByTag.class, Reference.parse("latest"));
        assertEquals(
                ErrorCode.DIGEST_INVALID,
                assertThrows(RegistryException.class, () -> Reference.parse("sha256:nothex"))
                        .code());
        assertEquals(
                ErrorCode.MANIFEST_INVALID,
                assertThrows(RegistryException.class, () -> Reference.parse(".bad"))
                        .code());
    }
}
