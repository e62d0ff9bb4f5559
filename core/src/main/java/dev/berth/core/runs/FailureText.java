package dev.berth.core.runs;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a user is shown of a failure: paths on the server's machine rewritten to what the user knows (a path in the
 * build context, a path in the image) or cut to their last name, and Java class names removed. Every message a run or
 * a build ends with, and every line the builder writes to a run's log, goes through one of these; {@link
 * #describe(Throwable)} turns an exception into a plain message without ever using its {@code toString()}.
 */
public final class FailureText {
    /** A Java class name before its message: {@code dev.berth.core.error.RegistryException: }. */
    private static final Pattern CLASS_NAME =
            Pattern.compile("\\b(?:[a-z_][A-Za-z0-9_$]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b:?\\s*");
    /** The rest of a path after a root: up to a space, quote or punctuation that ends it in a message. */
    private static final String REST = "((?:/[^\\s'\"`,;:()\\[\\]]*)*)";
    /** A root ends where its name does: not inside a longer name ({@code /data} is no root of {@code /data2}). */
    private static final String END = "(?![A-Za-z0-9._-])";

    private enum Kind {
        /** Shown relative to the root: a path in the build context. */
        RELATIVE,
        /** Shown as an absolute path inside: a path in the image. */
        INSIDE,
        /** Shown by its last name only: somewhere the user does not know. */
        NAME_ONLY
    }

    private record Root(Pattern pattern, Kind kind) {}

    private final List<Root> roots;

    private FailureText(List<Root> roots) {
        this.roots = List.copyOf(roots);
    }

    /** Removes class names only. */
    public static FailureText plain() {
        return new FailureText(List.of());
    }

    /** Paths under {@code dir} shown relative to it ({@code .} for itself): a build context. */
    public FailureText relativeTo(Path dir) {
        return with(quoted(dir), Kind.RELATIVE);
    }

    /** Paths under directories that match {@code regex} shown relative to them: a view of a build context. */
    public FailureText relativeToMatching(String regex) {
        return with(regex, Kind.RELATIVE);
    }

    /** Paths under directories that match {@code regex} shown as absolute paths inside: a root filesystem. */
    public FailureText insideMatching(String regex) {
        return with(regex, Kind.INSIDE);
    }

    /** Paths under {@code dir} (that no earlier rule matched) shown by their last name only. */
    public FailureText hiding(Path dir) {
        return with(quoted(dir), Kind.NAME_ONLY);
    }

    /** A regular expression for a directory's absolute path, to build {@link #insideMatching} patterns from. */
    public static String quoted(Path dir) {
        return Pattern.quote(dir.toAbsolutePath().normalize().toString());
    }

    private FailureText with(String regex, Kind kind) {
        List<Root> more = new ArrayList<>(roots);
        more.add(new Root(Pattern.compile(regex + END + REST), kind));
        return new FailureText(more);
    }

    /** The text as a user may see it. */
    public String apply(String text) {
        if (text == null) {
            return "";
        }
        String shown = text;
        for (Root root : roots) {
            shown = rewrite(root, shown);
        }
        return CLASS_NAME.matcher(shown).replaceAll("");
    }

    private static String rewrite(Root root, String text) {
        Matcher matcher = root.pattern().matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String rest = matcher.group(1);
            String shown =
                    switch (root.kind()) {
                        case RELATIVE -> rest.isEmpty() || rest.equals("/") ? "." : rest.substring(1);
                        case INSIDE -> rest.isEmpty() ? "/" : rest;
                        case NAME_ONLY -> rest.isEmpty() ? "(a directory of the server's)" : lastName(rest);
                    };
            matcher.appendReplacement(out, Matcher.quoteReplacement(shown));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String lastName(String rest) {
        String trimmed = rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    /**
     * An exception as a plain message: what a file-system failure means with its file, or the exception's own
     * message; never its class name. Paths in it are still the machine's: pass the result through {@link #apply}.
     */
    public static String describe(Throwable e) {
        if (e instanceof FileSystemException fs && fs.getFile() != null) {
            String reason = fs.getReason() != null ? ": " + fs.getReason() : "";
            String other = fs.getOtherFile() != null ? " -> " + fs.getOtherFile() : "";
            return what(fs) + ": " + fs.getFile() + other + reason;
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getCause() != null && e.getCause() != e ? describe(e.getCause()) : "an unexpected error";
        }
        return plain().apply(message);
    }

    private static String what(FileSystemException e) {
        return switch (e) {
            case NoSuchFileException x -> "no such file or directory";
            case AccessDeniedException x -> "permission denied";
            case FileAlreadyExistsException x -> "the file exists already";
            case DirectoryNotEmptyException x -> "the directory is not empty";
            case NotDirectoryException x -> "not a directory";
            case NotLinkException x -> "not a symbolic link";
            case FileSystemLoopException x -> "a loop of symbolic links";
            default -> "cannot use the file";
        };
    }
}
