package dev.berth.builder.dockerfile;

import java.util.Optional;

/**
 * The parser directives at the top of a Dockerfile ({@code # escape=`}, {@code # syntax=...}). {@code check} and
 * unknown directives are accepted and ignored.
 *
 * @param escape the escape character, {@code \} unless {@code # escape=`} says otherwise; it continues lines and
 *     escapes characters in substitution
 * @param syntax the frontend image named by {@code # syntax=}, kept for information (Berth has one frontend)
 */
public record Directives(char escape, Optional<String> syntax) {
    public static final char DEFAULT_ESCAPE = '\\';

    public Directives {
        if (escape != '\\' && escape != '`') {
            throw new IllegalArgumentException("escape must be \\ or `");
        }
        syntax = syntax == null ? Optional.empty() : syntax;
    }

    public static Directives defaults() {
        return new Directives(DEFAULT_ESCAPE, Optional.empty());
    }
}
