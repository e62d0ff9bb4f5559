package dev.berth.builder.dockerfile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The ways Docker splits an instruction's arguments: on blanks, as a JSON array, or into shell-like words. */
final class Words {
    /** Runs of blanks, compiled once: {@code String.split} would compile it on every call. */
    static final Pattern BLANKS = Pattern.compile("\\s+");

    private Words() {}

    /** Split on runs of blanks, nothing else ({@code EXPOSE}, {@code FROM}, the non-JSON {@code COPY}). */
    static List<String> onBlanks(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? List.of() : List.of(BLANKS.split(stripped));
    }

    /** The text as a JSON array of strings, if it is one (it must start with {@code [}). */
    static Optional<List<String>> jsonArray(String text) {
        String stripped = text.strip();
        if (!stripped.startsWith("[")) {
            return Optional.empty();
        }
        try {
            JsonNode node = Json.parse(stripped.getBytes(StandardCharsets.UTF_8));
            return node.isArray() ? strings(node) : Optional.empty();
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }

    private static Optional<List<String>> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode element : array) {
            if (!element.isTextual()) {
                return Optional.empty();
            }
            values.add(element.textValue());
        }
        return Optional.of(values);
    }

    /** A JSON array if the text is one, else the words between blanks ({@code VOLUME}, {@code COPY}). */
    static List<String> jsonOrBlanks(String text) {
        return jsonArray(text).orElseGet(() -> onBlanks(text));
    }

    /**
     * Split on blanks outside quotes, keeping the quotes and escapes in the words for later substitution ({@code
     * ENV}, {@code LABEL}, {@code ARG}, heredoc markers). An escape character escapes anything outside single quotes;
     * one at the very end is dropped.
     */
    static List<String> shellLike(String text, char escape) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == 0 && Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                continue;
            }
            inWord = true;
            if (c == escape && quote != '\'') {
                if (i + 1 < text.length()) {
                    word.append(c).append(text.charAt(++i));
                }
                continue;
            }
            if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            }
            word.append(c);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
