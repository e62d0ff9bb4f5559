package dev.berth.builder.dockerfile;

import java.util.Objects;
import java.util.Optional;

/**
 * One variable of an {@code ARG} instruction ({@code ARG VERSION} or {@code ARG VERSION=1.2}); the default is raw,
 * expanded by the engine with the variables in scope.
 */
public record ArgDeclaration(String name, Optional<String> defaultValue) {
    public ArgDeclaration {
        Objects.requireNonNull(name, "name");
        defaultValue = defaultValue == null ? Optional.empty() : defaultValue;
    }
}
