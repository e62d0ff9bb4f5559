package dev.berth.cli.command;

import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * An option that takes one of a few words, in any case, and yields it as the API spells it ({@code basic} becomes
 * {@code Basic}). Subclass with the words: {@code static final class Sku extends Choice { Sku() { super("Basic",
 * "Standard", "Premium"); } }}, and name the subclass as the option's converter and completion candidates.
 */
public abstract class Choice extends java.util.AbstractList<String> implements ITypeConverter<String> {
    private final List<String> words;

    protected Choice(String... words) {
        this.words = List.of(words);
    }

    @Override
    public String convert(String value) {
        for (String word : words) {
            if (word.toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT))) {
                return word;
            }
        }
        throw new TypeConversionException("'" + value + "' is not one of " + String.join(", ", words));
    }

    @Override
    public String get(int index) {
        return words.get(index);
    }

    @Override
    public int size() {
        return words.size();
    }
}
