package dev.berth.core.runs;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;

/**
 * A user name and password a run signs in to another registry with, to read base images from it: ACR's
 * {@code credentials.customRegistries} entry of type {@code Opaque}. Never printed with its password.
 *
 * @param loginServer the registry's host and port, as image names write it
 */
public record RegistryCredential(String loginServer, String username, String password) {
    public static final String MASK = "*****";

    public RegistryCredential {
        if (loginServer == null || loginServer.isBlank()) {
            throw new RegistryException(ErrorCode.INVALID_REQUEST, "a registry credential needs a login server");
        }
        if (username == null || username.isEmpty() || password == null || password.isEmpty()) {
            throw new RegistryException(
                    ErrorCode.INVALID_REQUEST,
                    "the credential for " + loginServer + " needs a user name and a password");
        }
        loginServer = loginServer.trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** This credential as it may be shown: the password masked. */
    public RegistryCredential shown() {
        return new RegistryCredential(loginServer, username, MASK);
    }

    @Override
    public String toString() {
        return "RegistryCredential[" + loginServer + ", " + username + ", password=(set)]";
    }
}
