package dev.berth.core.imports;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import java.util.Objects;
import java.util.Optional;

/** Where an import reads from: a registry of this installation, or any registry speaking the OCI API. */
public sealed interface ImportSource {
    /**
     * A registry of this installation, by name. Its content is linked, never copied. Whether the caller may read it
     * is for the caller of {@link ImportService} to check.
     */
    record Local(String registryName) implements ImportSource {
        public Local {
            if (registryName == null || registryName.isBlank()) {
                throw new RegistryException(ErrorCode.INVALID_REQUEST, "the source registry's name is required");
            }
        }
    }

    /**
     * Another registry, by the address people write ({@code mcr.microsoft.com}, {@code docker.io}, {@code
     * host:port}; HTTPS unless the address says {@code http://}), optionally with credentials.
     */
    record Remote(String registryUri, Optional<Credentials> credentials) implements ImportSource {
        public Remote {
            if (registryUri == null || registryUri.isBlank()) {
                throw new RegistryException(ErrorCode.INVALID_REQUEST, "source.registryUri is required");
            }
            registryUri = registryUri.trim();
            Objects.requireNonNull(credentials, "credentials");
        }
    }

    /**
     * Content the caller opened itself, such as a build's output in the builder's blob directory. The import takes
     * the source as it is and closes it when done; who may read it is the caller's business.
     */
    record Prepared(ImageSource source) implements ImportSource {
        public Prepared {
            Objects.requireNonNull(source, "source");
        }
    }

    /** A user name and password (or token) for a remote source; never printed with its password. */
    record Credentials(String username, String password) {
        public Credentials {
            if (username == null || username.isEmpty() || password == null || password.isEmpty()) {
                throw new RegistryException(
                        ErrorCode.INVALID_REQUEST, "source.credentials needs both a username and a password");
            }
        }

        @Override
        public String toString() {
            return "Credentials[username=" + username + ", password=(set)]";
        }
    }

    /**
     * The source of ARM's {@code importImage} body: {@code source.resourceId} (a registry of this installation, whose
     * last path segment after {@code /registries/} is its name) wins over {@code source.registryUri}; credentials
     * apply only to a registry URI. Any argument may be null.
     */
    static ImportSource of(String registryUri, String resourceId, String username, String password) {
        if (resourceId != null && !resourceId.isBlank()) {
            return fromResourceId(resourceId);
        }
        if (registryUri == null || registryUri.isBlank()) {
            throw new RegistryException(
                    ErrorCode.INVALID_REQUEST, "the source needs a registryUri or the resourceId of a registry");
        }
        boolean anonymous = (username == null || username.isEmpty()) && (password == null || password.isEmpty());
        return new Remote(registryUri, anonymous ? Optional.empty() : Optional.of(new Credentials(username, password)));
    }

    /** A registry of this installation named by an ARM resource id, {@code .../registries/<name>}, or a bare name. */
    static Local fromResourceId(String resourceId) {
        String id = resourceId.trim();
        while (id.endsWith("/")) {
            id = id.substring(0, id.length() - 1);
        }
        int marker = id.toLowerCase(java.util.Locale.ROOT).lastIndexOf("/registries/");
        String name = marker < 0 ? id : id.substring(marker + "/registries/".length());
        if (name.isEmpty() || name.contains("/")) {
            throw new RegistryException(
                    ErrorCode.INVALID_REQUEST, "source.resourceId does not name a registry: " + resourceId);
        }
        return new Local(name);
    }
}
