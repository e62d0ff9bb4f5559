package dev.berth.builder.dockerfile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code --name=value} flags at the start of an instruction's arguments, checked against what the instruction
 * accepts. Quotes in a flag's value are removed and a backslash makes the next character literal (whatever the
 * escape directive says, as in Docker); the first word that does not start with {@code --}, or a lone {@code --},
 * ends the flags.
 */
final class Flags {
    /** What a flag holds. */
    enum Kind {
        /** {@code --from=stage}, at most once. */
        STRING,
        /** {@code --link} or {@code --link=true|false}. */
        BOOLEAN,
        /** {@code --mount=...}, any number of times. */
        LIST
    }

    private final Map<String, List<String>> values;
    private final String rest;

    private Flags(Map<String, List<String>> values, String rest) {
        this.values = values;
        this.rest = rest;
    }

    /** Splits {@code arguments} into flags, checked against {@code accepted}, and the rest. */
    static Flags parse(String arguments, Map<String, Kind> accepted) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        int position = 0;
        while (true) {
            position = skipBlanks(arguments, position);
            if (!arguments.startsWith("--", position)) {
                return new Flags(values, arguments.substring(position));
            }
            int end = endOfWord(arguments, position);
            String word = unquote(arguments.substring(position + 2, end));
            position = end;
            if (word.isEmpty()) {
                return new Flags(values, arguments.substring(skipBlanks(arguments, position)));
            }
            add(values, word, accepted);
        }
    }

    private static void add(Map<String, List<String>> values, String word, Map<String, Kind> accepted) {
        int equals = word.indexOf('=');
        String name = equals < 0 ? word : word.substring(0, equals);
        Kind kind = accepted.get(name);
        if (kind == null) {
            throw new SyntaxError("unknown flag: --" + name);
        }
        String value = equals < 0 ? null : word.substring(equals + 1);
        List<String> existing = values.computeIfAbsent(name, n -> new ArrayList<>());
        if (kind != Kind.LIST && !existing.isEmpty()) {
            throw new SyntaxError("duplicate flag specified: --" + name);
        }
        existing.add(checked(name, kind, value));
    }

    private static String checked(String name, Kind kind, String value) {
        if (kind == Kind.BOOLEAN) {
            if (value == null || value.equalsIgnoreCase("true")) {
                return "true";
            }
            if (value.equalsIgnoreCase("false")) {
                return "false";
            }
            throw new SyntaxError("expecting a boolean value for flag --" + name + ", not: " + value);
        }
        if (value == null || value.isEmpty()) {
            throw new SyntaxError("missing a value on flag: --" + name);
        }
        return value;
    }

    /** The arguments after the flags. */
    String rest() {
        return rest;
    }

    Optional<String> string(String name) {
        return list(name).stream().findFirst();
    }

    boolean bool(String name) {
        return string(name).map(Boolean::parseBoolean).orElse(false);
    }

    List<String> list(String name) {
        return List.copyOf(values.getOrDefault(name, List.of()));
    }

    private static int skipBlanks(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The end of a blank-separated word, blanks inside quotes or after a backslash included. */
    private static int endOfWord(String text, int from) {
        char quote = 0;
        int i = from;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == 0 && Character.isWhitespace(c)) {
                break;
            }
            if (c == '\\') {
                i++;
            } else if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            }
        }
        return Math.min(i, text.length());
    }

    /** The word without its quotes; a backslash makes the next character literal (and is dropped at the end). */
    private static String unquote(String word) {
        StringBuilder out = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '\\') {
                if (i + 1 < word.length()) {
                    out.append(word.charAt(++i));
                }
            } else if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
