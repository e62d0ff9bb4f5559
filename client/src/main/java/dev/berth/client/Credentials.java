package dev.berth.client;

import java.util.Objects;

/** A user name and password (or token) for a registry. Never printed with its password. */
public record Credentials(String username, String password) {
    public Credentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.isEmpty() || username.indexOf(':') >= 0) {
            throw new IllegalArgumentException("a user name must be non-empty and hold no colon");
        }
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=(set)]";
    }
}
