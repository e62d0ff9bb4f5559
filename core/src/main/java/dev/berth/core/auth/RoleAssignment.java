package dev.berth.core.auth;

/**
 * A role given to a principal on a registry, or on the repositories of a registry matching a pattern: a name, or a
 * prefix ending in {@code /*}, or {@code *} for all.
 */
public record RoleAssignment(String principalSubject, long registryId, String repositoryPattern, Role role) {
    public RoleAssignment {
        if (repositoryPattern == null || repositoryPattern.isBlank()) {
            repositoryPattern = "*";
        }
    }

    /** Whether the assignment reaches the repository. */
    public boolean covers(String repository) {
        return RepositoryPattern.matches(repositoryPattern, repository);
    }
}
