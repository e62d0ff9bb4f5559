package dev.berth.http.oci;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.oci.RepositoryName;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a {@code /v2/} path points. Repository names contain slashes, so each form is matched from its end: the
 * name is everything before the last {@code /manifests/}, {@code /blobs/} and so on.
 *
 * @param kind the resource
 * @param name the repository, null for the base and the catalog
 * @param argument the tag, digest or upload id the path ends with, or null
 */
record Route(Kind kind, RepositoryName name, String argument) {
    enum Kind {
        BASE,
        CATALOG,
        TAGS,
        MANIFEST,
        BLOB,
        UPLOADS,
        UPLOAD,
        REFERRERS
    }

    private static final Pattern TAGS = Pattern.compile("/v2/(.+)/tags/list");
    private static final Pattern MANIFEST = Pattern.compile("/v2/(.+)/manifests/([^/]+)");
    private static final Pattern UPLOADS = Pattern.compile("/v2/(.+)/blobs/uploads/?");
    private static final Pattern UPLOAD = Pattern.compile("/v2/(.+)/blobs/uploads/([^/]+)");
    private static final Pattern BLOB = Pattern.compile("/v2/(.+)/blobs/([^/]+)");
    private static final Pattern REFERRERS = Pattern.compile("/v2/(.+)/referrers/([^/]+)");

    /** The route of a path, or empty when the path is not part of the API. */
    static Optional<Route> of(String path) {
        if (path.equals("/v2") || path.equals("/v2/")) {
            return Optional.of(new Route(Kind.BASE, null, null));
        }
        if (path.equals("/v2/_catalog")) {
            return Optional.of(new Route(Kind.CATALOG, null, null));
        }
        if (!path.startsWith("/v2/") || path.length() > 2048) {
            return Optional.empty();
        }
        Matcher m;
        if ((m = TAGS.matcher(path)).matches()) {
            return Optional.of(new Route(Kind.TAGS, name(m.group(1)), null));
        }
        if ((m = MANIFEST.matcher(path)).matches()) {
            return Optional.of(new Route(Kind.MANIFEST, name(m.group(1)), m.group(2)));
        }
        if ((m = UPLOADS.matcher(path)).matches()) {
            return Optional.of(new Route(Kind.UPLOADS, name(m.group(1)), null));
        }
        if ((m = UPLOAD.matcher(path)).matches()) {
            return Optional.of(new Route(Kind.UPLOAD, name(m.group(1)), m.group(2)));
        }
        if ((m = BLOB.matcher(path)).matches()) {
            return Optional.of(new Route(Kind.BLOB, name(m.group(1)), m.group(2)));
        }
        if ((m = REFERRERS.matcher(path)).matches()) {
            return Optional.of(new Route(Kind.REFERRERS, name(m.group(1)), m.group(2)));
        }
        return Optional.empty();
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
