package dev.berth.builder.dockerfile;

import dev.berth.builder.dockerfile.Substitution.SubstitutionException;
import java.util.List;
import java.util.Map;

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
        return expandUntil(null).text();
    }

    List<String> expandWords() {
        return expandUntil(null).words();
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

    /** Expands up to {@code stop} (consumed), or to the end of the text when {@code stop} is null. */
    private WordCollector expandUntil(Character stop) {
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
            case ':' -> withModifier(name, true);
            case '-', '+', '?' -> {
                position--;
                yield withModifier(name, false);
            }
            default -> throw new SubstitutionException("missing ':' in substitution");
        };
    }

    /** {@code ${name:-word}} and the like; {@code colon} means an empty value counts as unset. */
    private String withModifier(String name, boolean colon) {
        if (atEnd()) {
            throw missingBrace();
        }
        char modifier = text.charAt(position++);
        if (modifier != '-' && modifier != '+' && modifier != '?') {
            throw new SubstitutionException("unsupported modifier (" + modifier + ") in substitution");
        }
        String word = modifierWord();
        String value = env.get(name);
        boolean set = value != null && !(colon && value.isEmpty());
        return switch (modifier) {
            case '-' -> set ? value : word;
            case '+' -> set ? word : "";
            default -> {
                if (!set) {
                    throw new SubstitutionException(
                            name + ": " + (word.isEmpty() ? "is not allowed to be unset" : word));
                }
                yield value;
            }
        };
    }

    private String modifierWord() {
        try {
            return expandUntil('}').text();
        } catch (SubstitutionException e) {
            throw atEnd() ? missingBrace() : e;
        }
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
