package dev.berth.builder.dockerfile;

import dev.berth.builder.dockerfile.Substitution.SubstitutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell patterns of {@code ${V#p}}, {@code ${V%p}} and {@code ${V/p/r}}: {@code *} any string, {@code ?} any
 * character, {@code \} escapes {@code *}, {@code ?} and itself ({@code \}} and {@code \/} stand for {@code }} and
 * {@code /}). No bracket expressions, as in Docker.
 */
final class ShellPattern {
    private ShellPattern() {}

    /** Removes the shortest (or longest) prefix of {@code value} that matches {@code pattern}. */
    static String trimPrefix(String value, String pattern, boolean longest) {
        Pattern regex = compile(pattern);
        for (int k = 0; k <= value.length(); k++) {
            int end = longest ? value.length() - k : k;
            if (regex.matcher(value.substring(0, end)).matches()) {
                return value.substring(end);
            }
        }
        return value;
    }

    /** Removes the shortest (or longest) suffix of {@code value} that matches {@code pattern}. */
    static String trimSuffix(String value, String pattern, boolean longest) {
        Pattern regex = compile(pattern);
        for (int k = 0; k <= value.length(); k++) {
            int start = longest ? k : value.length() - k;
            if (regex.matcher(value.substring(start)).matches()) {
                return value.substring(0, start);
            }
        }
        return value;
    }

    /** Replaces the first (or every) longest match of {@code pattern} with {@code replacement}, taken literally. */
    static String replace(String value, String pattern, String replacement, boolean all) {
        Matcher matcher = compile(pattern).matcher(value);
        String literal = Matcher.quoteReplacement(replacement);
        return all ? matcher.replaceAll(literal) : matcher.replaceFirst(literal);
    }

    private static Pattern compile(String pattern) {
        StringBuilder regex = new StringBuilder("(?s)");
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(escaped(pattern, pattern.charAt(++i)));
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    private static String escaped(String pattern, char c) {
        if ("*?\\}/".indexOf(c) < 0) {
            throw new SubstitutionException(
                    "invalid pattern (" + pattern + ") in substitution: invalid escape '\\" + c + "'");
        }
        return Pattern.quote(String.valueOf(c));
    }
}
