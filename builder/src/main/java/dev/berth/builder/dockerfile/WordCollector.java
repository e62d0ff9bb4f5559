package dev.berth.builder.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * The output of a {@link ShellWord}: the text as one string, and the same text split into words on blanks that were
 * neither quoted nor escaped.
 */
final class WordCollector {
    private final StringBuilder text = new StringBuilder();
    private final List<String> words = new ArrayList<>();
    private final StringBuilder word = new StringBuilder();
    private boolean inWord;

    /** A character as written: a blank ends the word. */
    void addPlain(char c) {
        text.append(c);
        split(c);
    }

    /** A character after the escape character: part of the word whatever it is. */
    void addEscaped(char c) {
        text.append(c);
        keep(c);
    }

    /** The inside of quotes: one piece of the word, blanks included. */
    void addQuoted(String quoted) {
        text.append(quoted);
        quoted.chars().forEach(c -> keep((char) c));
    }

    /** A variable's value: its blanks split words, as the shell does. */
    void addExpanded(String value) {
        text.append(value);
        value.chars().forEach(c -> split((char) c));
    }

    String text() {
        return text.toString();
    }

    List<String> words() {
        List<String> all = new ArrayList<>(words);
        if (inWord) {
            all.add(word.toString());
        }
        return all;
    }

    private void split(char c) {
        if (!Character.isWhitespace(c)) {
            keep(c);
        } else if (inWord) {
            words.add(word.toString());
            word.setLength(0);
            inWord = false;
        }
    }

    private void keep(char c) {
        word.append(c);
        inWord = true;
    }
}
