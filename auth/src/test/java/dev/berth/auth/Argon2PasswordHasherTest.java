package dev.berth.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Argon2PasswordHasherTest {
    private final Argon2PasswordHasher hasher = new Argon2PasswordHasher(1024, 1);

    @Test
    void verifiesTheRightSecretOnly() {
        String hash = hasher.hash("correct horse");
        assertTrue(hash.startsWith("$argon2id$v=19$m=1024,t=1,p=1$"));
        assertTrue(hasher.verify("correct horse", hash));
        assertFalse(hasher.verify("correct horsf", hash));
        assertFalse(hasher.verify("", hash));
    }

    @Test
    void saltsEveryHash() {
        assertNotEquals(hasher.hash("same"), hasher.hash("same"));
    }

    @Test
    void hashesCarryTheirCostSoOldOnesStillVerify() {
        String strong = new Argon2PasswordHasher().hash("pw");
        assertTrue(hasher.verify("pw", strong));
    }

    @Test
    void malformedHashesVerifyNothing() {
        for (String bad : new String[] {"", "$argon2i$v=19$m=1,t=1,p=1$AA$AA", "$argon2id$v=19$m=x$AA$AA", "plain"}) {
            assertFalse(hasher.verify("pw", bad));
        }
    }
}
