package dev.berth.tasks.sources;

import java.net.URI;
import java.util.Locale;

/**
 * Where a run's source is, read from its {@code sourceLocation}: none ({@code ""} or {@code /dev/null}), an upload
 * ({@code source/<name>.tar.gz}), a git repository (a {@code .git} URL or any {@code file:} or {@code git:} URL, with
 * {@code #ref} and {@code #ref:subdir} or {@code #:subdir}; only http(s) ones are cloned, see {@link GitSource}), or a
 * tarball to download (any other http(s) URL).
 */
record SourceLocation(Kind kind, String location, String ref, String subdir) {
    enum Kind {
        NONE,
        UPLOAD,
        GIT,
        TARBALL
    }

    static SourceLocation parse(String text) throws SourceException {
        if (text.isEmpty() || text.equals("/dev/null")) {
            return new SourceLocation(Kind.NONE, "", "", "");
        }
        if (!text.contains("://")) {
            return new SourceLocation(Kind.UPLOAD, text, "", "");
        }
        int hash = text.indexOf('#');
        String url = hash < 0 ? text : text.substring(0, hash);
        String fragment = hash < 0 ? "" : text.substring(hash + 1);
        String scheme = scheme(url);
        if (url.endsWith(".git") || url.endsWith(".git/") || scheme.equals("file") || scheme.equals("git")) {
            int colon = fragment.indexOf(':');
            return new SourceLocation(
                    Kind.GIT,
                    url,
                    colon < 0 ? fragment : fragment.substring(0, colon),
                    colon < 0 ? "" : fragment.substring(colon + 1));
        }
        if (scheme.equals("http") || scheme.equals("https")) {
            return new SourceLocation(Kind.TARBALL, text, "", "");
        }
        throw new SourceException("cannot fetch a source from '" + text + "': use a git URL or an http(s) tarball URL");
    }

    private static String scheme(String url) throws SourceException {
        try {
            String scheme = URI.create(url).getScheme();
            return scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new SourceException("'" + url + "' is not a valid URL");
        }
    }
}
