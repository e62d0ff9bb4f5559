package dev.berth.auth;

import dev.berth.core.auth.PasswordHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id through BouncyCastle, stored in the PHC string format ({@code $argon2id$v=19$m=..,t=..,p=..$salt$hash}),
 * so the parameters travel with each hash and can be raised later without breaking old ones. The defaults are
 * OWASP's: 19 MiB, two passes, one lane.
 */
public final class Argon2PasswordHasher implements PasswordHasher {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODE = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getDecoder();

    private final int memoryKib;
    private final int iterations;

    public Argon2PasswordHasher() {
        this(19 * 1024, 2);
    }

    /** With other costs; tests use cheap ones. */
    public Argon2PasswordHasher(int memoryKib, int iterations) {
        this.memoryKib = memoryKib;
        this.iterations = iterations;
    }

    @Override
    public String hash(String secret) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(secret, salt, memoryKib, iterations, 1, 32);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=1$" + ENCODE.encodeToString(salt) + "$"
                + ENCODE.encodeToString(hash);
    }

    @Override
    public boolean verify(String secret, String encoded) {
        String[] parts = encoded.split("\\$");
        if (parts.length != 6 || !parts[1].equals("argon2id")) {
            return false;
        }
        try {
            int m = param(parts[3], "m");
            int t = param(parts[3], "t");
            int p = param(parts[3], "p");
            byte[] salt = DECODE.decode(parts[4]);
            byte[] expected = DECODE.decode(parts[5]);
            return MessageDigest.isEqual(expected, derive(secret, salt, m, t, p, expected.length));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static byte[] derive(String secret, byte[] salt, int memoryKib, int iterations, int lanes, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(lanes)
                .withSalt(salt)
                .build());
        byte[] out = new byte[length];
        generator.generateBytes(secret.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }

    private static int param(String params, String name) {
        for (String pair : params.split(",")) {
            if (pair.startsWith(name + "=")) {
                return Integer.parseInt(pair.substring(name.length() + 1));
            }
        }
        throw new IllegalArgumentException("missing " + name);
    }
}
