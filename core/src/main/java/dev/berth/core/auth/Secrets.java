package dev.berth.core.auth;

import java.security.SecureRandom;
import java.util.Base64;

/** Fresh secrets: passwords for admin accounts, tokens, users and service principals. */
public final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    /** 32 random bytes, URL-safe Base64 without padding: 43 characters a shell and a URL take as they are. */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
