package dev.berth.cli.command;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** A secret piped in on standard input ({@code --password-stdin}), read as {@code docker login} reads it. */
public final class StandardInput {
    private StandardInput() {}

    /** All of {@code in}, without its one trailing line break ({@code \n} or {@code \r\n}). */
    public static String secret(InputStream in) throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        text = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
