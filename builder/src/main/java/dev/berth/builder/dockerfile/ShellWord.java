package dev.berth.builder.dockerfile;

import java.util.List;
import java.util.Map;

/** One run of {@link Substitution} over a text: a cursor and the words it builds. */
final class ShellWord {
    private final String text;
    private final char escape;
    private final Map<String, String> env;

    ShellWord(String text, char escape, Map<String, String> env) {
        this.text = text;
        this.escape = escape;
        this.env = env;
    }

    String expandWord() {
        throw new UnsupportedOperationException("not yet");
    }

    List<String> expandWords() {
        throw new UnsupportedOperationException("not yet");
    }
}
