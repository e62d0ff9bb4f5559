package dev.berth.http.server;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes {@code application/x-www-form-urlencoded} text, a query string or a form body, strictly: a {@code %} not
 * followed by two hex digits, bytes that are not UTF-8, and NUL characters are refused rather than guessed at, so that
 * every caller sees either clean text or one {@link IllegalArgumentException} to answer 400 with. A parameter given
 * twice keeps both values in order; callers that want one take the first.
 */
public final class UrlForm {
    private UrlForm() {}

    /** The fields of the text, each name with its values in the order given. */
    public static Map<String, List<String>> decode(String text) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (text == null) {
            return fields;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = component(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : component(pair.substring(equals + 1));
            fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return fields;
    }

    /** Decodes bytes that must be UTF-8 (a form body) into text, refusing anything else. */
    public static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8");
        }
    }

    private static String component(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); ) {
            int c = encoded.codePointAt(i);
            if (c == '%') {
                bytes.write(hex(encoded, i + 1) << 4 | hex(encoded, i + 2));
                i += 3;
                continue;
            }
            if (c == '+') {
                bytes.write(' ');
            } else {
                bytes.writeBytes(Character.toString(c).getBytes(StandardCharsets.UTF_8));
            }
            i += Character.charCount(c);
        }
        String text = utf8(bytes.toByteArray());
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("NUL character");
        }
        return text;
    }

    private static int hex(String text, int at) {
        char c = at < text.length() ? text.charAt(at) : 'x';
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
            return (c | 0x20) - 'a' + 10;
        }
        throw new IllegalArgumentException("invalid percent-encoding");
    }
}
