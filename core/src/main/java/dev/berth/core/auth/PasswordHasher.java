package dev.berth.core.auth;

/** Turns secrets into slow, salted hashes and checks secrets against them. */
public interface PasswordHasher {
    String hash(String secret);

    boolean verify(String secret, String hash);
}
