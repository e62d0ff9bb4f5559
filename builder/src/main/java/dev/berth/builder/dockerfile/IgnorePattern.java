package dev.berth.builder.dockerfile;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One cleaned line of a {@code .dockerignore} file, compiled to a regular expression the way Docker's pattern matcher
 * does: {@code *} and {@code ?} stop at {@code /}, {@code **} crosses segments, {@code [...]} is a class, the escape
 * character {@code \} makes the next character literal.
 */
final class IgnorePattern {
    private final String pattern;
    private final boolean exception;
    private final Pattern regex;
    private final List<String> segments;
    private final String literalPrefix;
    private final String literalSuffix;

    IgnorePattern(String pattern, boolean exception) {
        this.pattern = pattern;
        this.exception = exception;
        this.regex = Pattern.compile(toRegex(pattern));
        this.segments = List.of(pattern.split("/", -1));
        this.literalPrefix = literalPrefix(pattern);
        this.literalSuffix = literalSuffix(pattern);
    }

    /** The characters before the first wildcard or escape: every match starts with them. */
    private static String literalPrefix(String glob) {
        int i = 0;
        while (i < glob.length() && !isSpecial(glob.charAt(i))) {
            i++;
        }
        return glob.substring(0, i);
    }

    /** The characters after the last wildcard or escape: every match ends with them. */
    private static String literalSuffix(String glob) {
        int i = glob.length();
        while (i > 0 && !isSpecial(glob.charAt(i - 1))) {
            i--;
        }
        return i == 0 ? "" : glob.substring(i);
    }

    private static boolean isSpecial(char c) {
        return c == '*' || c == '?' || c == '[' || c == ']' || c == '\\';
    }

    boolean exception() {
        return exception;
    }

    boolean matches(String path) {
        return path.startsWith(literalPrefix)
                && path.endsWith(literalSuffix)
                && regex.matcher(path).matches();
    }

    /**
     * Whether this pattern could match {@code directory} (given as its segments), one of its ancestors, or anything
     * below it. Conservative: a {@code **} could reach anywhere.
     */
    boolean mayReachInto(List<String> directory) {
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (i == directory.size() || segment.contains("**")) {
                return true;
            }
            if (!Pattern.matches(toRegex(segment), directory.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return exception ? "!" + pattern : pattern;
    }

    static String toRegex(String glob) {
        StringBuilder regex = new StringBuilder("^");
        boolean inClass = false;
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i++);
            if (c == '\\' && i < glob.length()) {
                regex.append(literal(glob.charAt(i++)));
            } else if (inClass) {
                inClass = c != ']';
                regex.append(c == ']' || c == '-' || c == '^' ? String.valueOf(c) : literal(c));
            } else if (c == '[') {
                inClass = true;
                regex.append(c);
            } else if (c == '*' && i < glob.length() && glob.charAt(i) == '*') {
                i = skipSlash(glob, i + 1);
                regex.append(i == glob.length() ? ".*" : "(.*/)?");
            } else {
                regex.append(c == '*' ? "[^/]*" : c == '?' ? "[^/]" : literal(c));
            }
        }
        return regex.append('$').toString();
    }

    private static int skipSlash(String glob, int at) {
        return at < glob.length() && glob.charAt(at) == '/' ? at + 1 : at;
    }

    private static String literal(char c) {
        return Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c;
    }
}
