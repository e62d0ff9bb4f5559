package dev.berth.builder.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ENV}, {@code LABEL} and {@code ARG}: names and raw values. {@code ENV} and {@code LABEL} take {@code K=V}
 * pairs, or the legacy {@code K V} form whose value is the rest of the line; which form is meant depends on whether
 * the first word holds an {@code =}, as in Docker.
 */
final class VariableInstructions {
    private final char escape;

    VariableInstructions(char escape) {
        this.escape = escape;
    }

    Instruction.Env env(String arguments, Location at, String original) {
        return new Instruction.Env(pairs("ENV", arguments), at, original);
    }

    Instruction.Label label(String arguments, Location at, String original) {
        return new Instruction.Label(pairs("LABEL", arguments), at, original);
    }

    Instruction.Arg arg(String arguments, Location at, String original) {
        List<ArgDeclaration> declarations = new ArrayList<>();
        for (String word : words("ARG", arguments)) {
            int equals = word.indexOf('=');
            String name = equals < 0 ? word : word.substring(0, equals);
            if (name.isEmpty()) {
                throw new SyntaxError("ARG names can not be blank");
            }
            Optional<String> value = equals < 0 ? Optional.empty() : Optional.of(word.substring(equals + 1));
            declarations.add(new ArgDeclaration(name, value));
        }
        return new Instruction.Arg(declarations, at, original);
    }

    private List<KeyValue> pairs(String keyword, String arguments) {
        List<String> words = words(keyword, arguments);
        if (!words.getFirst().contains("=")) {
            return List.of(legacyPair(keyword, arguments));
        }
        List<KeyValue> pairs = new ArrayList<>();
        for (String word : words) {
            int equals = word.indexOf('=');
            if (equals < 0) {
                throw new SyntaxError(
                        "syntax error - can't find = in \"" + word + "\". Must be of the form: name=value");
            }
            pairs.add(pair(keyword, word.substring(0, equals), word.substring(equals + 1)));
        }
        return pairs;
    }

    private static KeyValue legacyPair(String keyword, String arguments) {
        String[] parts = Words.BLANKS.split(arguments, 2);
        if (parts.length < 2) {
            throw new SyntaxError(keyword + " must have two arguments: " + keyword + " <key>=<value> or " + keyword
                    + " <key> <value>");
        }
        return pair(keyword, parts[0], parts[1]);
    }

    private static KeyValue pair(String keyword, String key, String value) {
        if (key.isEmpty()) {
            throw new SyntaxError(keyword + " names can not be blank");
        }
        return new KeyValue(key, value);
    }

    private List<String> words(String keyword, String arguments) {
        List<String> words = Words.shellLike(arguments, escape);
        if (words.isEmpty()) {
            throw new SyntaxError(keyword + " requires at least one argument");
        }
        return words;
    }
}
