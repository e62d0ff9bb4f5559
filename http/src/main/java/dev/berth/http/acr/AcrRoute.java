package dev.berth.http.acr;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.oci.RepositoryName;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a metadata API path points. The API sits at {@code /acr/v1} (the registry is the one the Host names) or at
 * {@code /api/registries/<registry>/acr/v1} (the registry is named in the path). Repository names contain slashes,
 * so each form is matched from its end; a name component never starts with {@code _}, so {@code _tags} and {@code
 * _manifests} cannot be part of one.
 *
 * @param base the path the API answers under, for the {@code Link} headers it hands out
 * @param registryName the registry the path names, or empty when the Host picks it
 * @param name the repository, null for the catalog
 * @param argument the tag or digest the path ends with, or null
 */
record AcrRoute(Kind kind, String base, Optional<String> registryName, RepositoryName name, String argument) {
    static final String PREFIX = "/acr/v1";
    static final String MANAGEMENT = "/api/registries/";

    /** The resources, with the methods each answers. */
    enum Kind {
        CATALOG("GET", "HEAD"),
        REPOSITORY("GET", "HEAD", "PATCH", "DELETE"),
        TAGS("GET", "HEAD"),
        TAG("GET", "HEAD", "PATCH", "DELETE"),
        MANIFESTS("GET", "HEAD"),
        MANIFEST("GET", "HEAD", "PATCH", "DELETE");

        private final List<String> methods;

        Kind(String... methods) {
            this.methods = List.of(methods);
        }

        List<String> methods() {
            return methods;
        }
    }

    private static final Pattern TAG = Pattern.compile("/(.+)/_tags/([^/]+)");
    private static final Pattern TAGS = Pattern.compile("/(.+)/_tags/?");
    private static final Pattern MANIFEST = Pattern.compile("/(.+)/_manifests/([^/]+)");
    private static final Pattern MANIFESTS = Pattern.compile("/(.+)/_manifests/?");
    private static final Pattern REPOSITORY = Pattern.compile("/(.+?)/?");

    /** Whether the path is under either base of the API. */
    static boolean matches(String path) {
        return under(path, PREFIX) || managementBase(path).isPresent();
    }

    /** The route of a path under the API, or empty when it names no resource. */
    static Optional<AcrRoute> of(String path) {
        if (path.length() > 2048) {
            return Optional.empty();
        }
        Optional<String> registry = managementBase(path).map(AcrRoute::registryOf);
        String base = registry.map(r -> MANAGEMENT + r + PREFIX).orElse(PREFIX);
        String rest = path.substring(base.length());
        if (rest.equals("/_catalog")) {
            return Optional.of(new AcrRoute(Kind.CATALOG, base, registry, null, null));
        }
        Matcher m;
        if ((m = TAG.matcher(rest)).matches()) {
            return Optional.of(new AcrRoute(Kind.TAG, base, registry, name(m.group(1)), m.group(2)));
        }
        if ((m = TAGS.matcher(rest)).matches()) {
            return Optional.of(new AcrRoute(Kind.TAGS, base, registry, name(m.group(1)), null));
        }
        if ((m = MANIFEST.matcher(rest)).matches()) {
            return Optional.of(new AcrRoute(Kind.MANIFEST, base, registry, name(m.group(1)), m.group(2)));
        }
        if ((m = MANIFESTS.matcher(rest)).matches()) {
            return Optional.of(new AcrRoute(Kind.MANIFESTS, base, registry, name(m.group(1)), null));
        }
        if ((m = REPOSITORY.matcher(rest)).matches()) {
            return Optional.of(new AcrRoute(Kind.REPOSITORY, base, registry, name(m.group(1)), null));
        }
        return Optional.empty();
    }

    /** {@code /api/registries/<registry>/acr/v1} when the path starts with it. */
    private static Optional<String> managementBase(String path) {
        if (!path.startsWith(MANAGEMENT)) {
            return Optional.empty();
        }
        int slash = path.indexOf('/', MANAGEMENT.length());
        if (slash <= MANAGEMENT.length() || !under(path.substring(slash), PREFIX)) {
            return Optional.empty();
        }
        return Optional.of(path.substring(0, slash + PREFIX.length()));
    }

    private static String registryOf(String managementBase) {
        return managementBase.substring(MANAGEMENT.length(), managementBase.length() - PREFIX.length());
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static RepositoryName name(String text) {
        if (!RepositoryName.isValid(text)) {
            throw new RegistryException(
                    ErrorCode.NAME_INVALID,
                    "invalid repository name: " + (text.length() > 80 ? text.substring(0, 80) + "..." : text));
        }
        return new RepositoryName(text);
    }
}
