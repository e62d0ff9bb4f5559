package dev.berth.builder.dockerfile;

import dev.berth.builder.dockerfile.Substitution.SubstitutionException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One run of {@link Substitution} over a text: a cursor, the expanded text and the words it splits into. Quoted and
 * escaped characters never split a word; the characters of a variable's value do.
 */
final class ShellWord {
    private static final String SPECIAL_PARAMETERS = "@*#?-$!";

    private final String text;
    private final char escape;
    private final Map<String, String> env;
    private int position;

    ShellWord(String text, char escape, Map<String, String> env) {
        this.text = text;
        this.escape = escape;
        this.env = env;
    }

    String expandWord() {
        return expandUntil(null, false).text();
    }

    List<String> expandWords() {
        return expandUntil(null, false).words();
    }

    /**
     * Expands a heredoc body: variables expand, the escape character protects {@code $} and itself, quotes and
     * everything else are content.
     */
    String expandBody() {
        StringBuilder out = new StringBuilder();
        while (!atEnd()) {
            char c = peek();
            if (c == '$') {
                out.append(dollar());
                continue;
            }
            position++;
            if (c == escape && !atEnd() && (peek() == '$' || peek() == escape)) {
                c = text.charAt(position++);
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * Expands up to {@code stop} (consumed), or to the end of the text when {@code stop} is null. With {@code
     * rawEscapes} the escape character is kept before the character it escapes (for patterns).
     */
    private WordCollector expandUntil(Character stop, boolean rawEscapes) {
        WordCollector out = new WordCollector();
        while (!atEnd()) {
            char c = peek();
            if (stop != null && c == stop) {
                position++;
                return out;
            }
            switch (c) {
                case '\'' -> out.addQuoted(singleQuoted());
                case '"' -> out.addQuoted(doubleQuoted());
                case '$' -> out.addExpanded(dollar());
                default -> {
                    position++;
                    if (c != escape) {
                        out.addPlain(c);
                    } else if (!atEnd()) {
                        if (rawEscapes) {
                            out.addEscaped(c);
                        }
                        out.addEscaped(text.charAt(position++));
                    }
                }
            }
        }
        if (stop != null) {
            throw new SubstitutionException("unexpected end of statement while looking for matching " + stop);
        }
        return out;
    }

    private String singleQuoted() {
        int close = text.indexOf('\'', position + 1);
        if (close < 0) {
            throw new SubstitutionException("unexpected end of statement while looking for matching single-quote");
        }
        String quoted = text.substring(position + 1, close);
        position = close + 1;
        return quoted;
    }

    private String doubleQuoted() {
        StringBuilder out = new StringBuilder();
        position++;
        while (true) {
            if (atEnd()) {
                throw new SubstitutionException("unexpected end of statement while looking for matching double-quote");
            }
            char c = peek();
            if (c == '"') {
                position++;
                return out.toString();
            }
            if (c == '$') {
                out.append(dollar());
                continue;
            }
            position++;
            if (c == escape && !atEnd() && isEscapableInDoubleQuotes(peek())) {
                c = text.charAt(position++);
            } else if (c == escape && atEnd()) {
                continue;
            }
            out.append(c);
        }
    }

    private boolean isEscapableInDoubleQuotes(char c) {
        return c == '"' || c == '$' || c == escape;
    }

    private String dollar() {
        position++;
        if (atEnd() || peek() != '{') {
            String name = name();
            return name.isEmpty() ? "$" : env.getOrDefault(name, "");
        }
        position++;
        if (atEnd()) {
            throw missingBrace();
        }
        if (peek() == '{' || peek() == '}' || peek() == ':') {
            throw new SubstitutionException("syntax error: bad substitution");
        }
        String name = name();
        if (atEnd()) {
            throw missingBrace();
        }
        char operator = text.charAt(position++);
        return switch (operator) {
            case '}' -> env.getOrDefault(name, "");
            case ':' -> {
                if (atEnd()) {
                    throw missingBrace();
                }
                char modifier = text.charAt(position++);
                yield withModifier(name, modifier, true);
            }
            case '-', '+', '?', '#', '%' -> withModifier(name, operator, false);
            case '/' -> replaced(name);
            default -> throw unsupported(String.valueOf(operator));
        };
    }

    /**
     * {@code ${name:-word}}, {@code ${name#pattern}} and the like; {@code colon} means an empty value counts as unset
     * (and is refused for the pattern modifiers, as in Docker).
     */
    private String withModifier(String name, char modifier, boolean colon) {
        boolean pattern = modifier == '#' || modifier == '%';
        if ("-+?#%".indexOf(modifier) < 0 || colon && pattern) {
            throw unsupported((colon ? ":" : "") + modifier);
        }
        String word = wordUntil('}', pattern, ShellWord::missingBrace);
        String value = env.get(name);
        boolean unset = value == null || colon && value.isEmpty();
        return switch (modifier) {
            case '-' -> unset ? word : value;
            case '+' -> unset ? "" : word;
            case '?' -> required(name, value, unset, word);
            case '#' -> ShellPattern.trimPrefix(orEmpty(value), withoutRepeat(word, '#'), word.startsWith("#"));
            default -> ShellPattern.trimSuffix(orEmpty(value), withoutRepeat(word, '%'), word.startsWith("%"));
        };
    }

    private static String required(String name, String value, boolean unset, String message) {
        if (unset) {
            String reason = value == null ? "is not allowed to be unset" : "is not allowed to be empty";
            throw new SubstitutionException(name + ": " + (message.isEmpty() ? reason : message));
        }
        return value;
    }

    /** {@code ${name/pattern/replacement}} (the first match) and {@code ${name//pattern/replacement}} (all). */
    private String replaced(String name) {
        boolean all = !atEnd() && peek() == '/';
        if (all) {
            position++;
        }
        String pattern = wordUntil('/', true, () -> new SubstitutionException("syntax error: missing '/' in ${}"));
        String replacement = wordUntil('}', true, ShellWord::missingBrace);
        return ShellPattern.replace(orEmpty(env.get(name)), pattern, replacement, all);
    }

    private String wordUntil(char stop, boolean rawEscapes, Supplier<SubstitutionException> atEndOfText) {
        try {
            return expandUntil(stop, rawEscapes).text();
        } catch (SubstitutionException e) {
            throw atEnd() ? atEndOfText.get() : e;
        }
    }

    private static String withoutRepeat(String word, char modifier) {
        return word.startsWith(String.valueOf(modifier)) ? word.substring(1) : word;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static SubstitutionException unsupported(String modifier) {
        return new SubstitutionException("unsupported modifier (" + modifier + ") in substitution");
    }

    /** A variable name: letters, digits and {@code _}; or all leading digits; or one special parameter. */
    private String name() {
        int start = position;
        if (!atEnd() && Character.isDigit(peek())) {
            while (!atEnd() && Character.isDigit(peek())) {
                position++;
            }
            return text.substring(start, position);
        }
        if (!atEnd() && SPECIAL_PARAMETERS.indexOf(peek()) >= 0) {
            return text.substring(start, ++position);
        }
        while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
            position++;
        }
        return text.substring(start, position);
    }

    private static SubstitutionException missingBrace() {
        return new SubstitutionException("syntax error: missing '}'");
    }

    private boolean atEnd() {
        return position >= text.length();
    }

    private char peek() {
        return text.charAt(position);
    }
}
