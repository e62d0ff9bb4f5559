package dev.berth.builder.dockerfile;

import dev.berth.builder.dockerfile.Substitution.SubstitutionException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The values of the global {@code ARG}s, for {@code FROM} lines. */
final class ArgScope {
    /** The arguments Docker defines for every build, in scope before FROM without a declaration. */
    static final Set<String> AUTOMATIC_PLATFORM_ARGS = Set.of(
            "BUILDPLATFORM",
            "BUILDOS",
            "BUILDARCH",
            "BUILDVARIANT",
            "TARGETPLATFORM",
            "TARGETOS",
            "TARGETARCH",
            "TARGETVARIANT");

    private ArgScope() {}

    static Map<String, String> global(Dockerfile dockerfile, Map<String, String> buildArgs) {
        Map<String, String> scope = new LinkedHashMap<>();
        buildArgs.forEach((name, value) -> {
            if (AUTOMATIC_PLATFORM_ARGS.contains(name)) {
                scope.put(name, value);
            }
        });
        Substitution substitution = Substitution.of(dockerfile.directives());
        for (Instruction.Arg arg : dockerfile.globalArgs()) {
            for (ArgDeclaration declaration : arg.declarations()) {
                String name = declaration.name();
                if (buildArgs.containsKey(name)) {
                    scope.put(name, buildArgs.get(name));
                } else if (declaration.defaultValue().isPresent()) {
                    scope.put(
                            name,
                            expand(substitution, declaration.defaultValue().get(), scope, arg));
                }
            }
        }
        return Map.copyOf(scope);
    }

    private static String expand(Substitution substitution, String raw, Map<String, String> scope, Instruction at) {
        try {
            return substitution.expand(raw, scope);
        } catch (SubstitutionException e) {
            throw new DockerfileException(at.location(), e.getMessage());
        }
    }
}
