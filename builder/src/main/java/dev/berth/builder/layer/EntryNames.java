package dev.berth.builder.layer;

/** Paths inside an image as tar entries name them: checked, normalised and taken apart. */
final class EntryNames {
    static final String WHITEOUT_PREFIX = ".wh.";
    static final String OPAQUE = ".wh..wh..opq";

    private EntryNames() {}

    /**
     * The normalised form of an entry or link name ({@code ./a//b/} becomes {@code a/b}; the root is {@code ""}),
     * refusing absolute names and any {@code ..} component.
     */
    static String normalize(String name) throws UnsafePathException {
        if (name.startsWith("/")) {
            throw new UnsafePathException("absolute path in archive entry refused: " + name);
        }
        StringBuilder out = new StringBuilder(name.length());
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                throw new UnsafePathException("path with '..' in archive entry refused: " + name);
            }
            if (!part.isEmpty() && !part.equals(".")) {
                out.append(out.isEmpty() ? "" : "/").append(part);
            }
        }
        return out.toString();
    }

    /** {@code base/relative}, or either alone when the other is the root. */
    static String join(String base, String relative) {
        if (base.isEmpty()) {
            return relative;
        }
        return relative.isEmpty() ? base : base + "/" + relative;
    }

    /** The parent of a path, {@code ""} for a top-level name. */
    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The last component of a path. */
    static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** True when {@code path} is {@code ancestor} or lies under it. */
    static boolean isUnder(String path, String ancestor) {
        return ancestor.isEmpty()
                || path.equals(ancestor)
                || (path.startsWith(ancestor) && path.charAt(ancestor.length()) == '/');
    }
}
