package dev.berth.core.installation;

import dev.berth.core.auth.PasswordHasher;

/** A hasher that only marks its input, so that tests run fast and can tell a hash from the secret it hides. */
final class PlainTextHasher implements PasswordHasher {
    private static final String PREFIX = "$plain$";

    @Override
    public String hash(String secret) {
        return PREFIX + secret;
    }

    @Override
    public boolean verify(String secret, String hash) {
        return hash.equals(PREFIX + secret);
    }
}
