package dev.berth.core.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DigestTest {
    private static final String EMPTY_SHA256 =
            "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void parsesAndPrintsSha256() {
        Digest digest = Digest.parse(EMPTY_SHA256);
        assertEquals(Digest.Algorithm.SHA256, digest.algorithm());
        assertEquals(EMPTY_SHA256, digest.toString());
    }

    @Test
    void computesTheSha256OfBytes() {
        assertEquals(EMPTY_SHA256, Digest.sha256(new byte[0]).toString());
        assertEquals(
                "sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
                Digest.sha256("hello".getBytes(StandardCharsets.UTF_8)).toString());
    }

    @Test
    void acceptsSha512() {
        Digest digest = Digest.of(Digest.Algorithm.SHA512, new byte[0]);
        assertEquals(digest, Digest.parse(digest.toString()));
        assertEquals(128, digest.hex().length());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "sha256",
                "sha256:",
                ":abc",
                "sha256:abc",
                "sha256:E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855",
                "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85",
                "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855a",
                "sha256:g3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                "md5:d41d8cd98f00b204e9800998ecf8427e",
                "SHA256:abc",
                "sha256 :abc",
                "sha256:../../etc/passwd"
            })
    void refusesMalformedDigestsAsDigestInvalid(String text) {
        RegistryException e = assertThrows(RegistryException.class, () -> Digest.parse(text));
        assertEquals(ErrorCode.DIGEST_INVALID, e.code());
    }

    @Test
    void refusesNull() {
        assertEquals(
                ErrorCode.DIGEST_INVALID,
                assertThrows(RegistryException.class, () -> Digest.parse(null)).code());
    }
}
