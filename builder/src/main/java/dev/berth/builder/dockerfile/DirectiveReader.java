package dev.berth.builder.dockerfile;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the parser directives: {@code # key=value} comments at the very top of the file, up to the first line that is
 * not one (a blank line, another comment, an unknown key or an instruction ends them). {@code escape} and {@code
 * syntax} are kept, {@code check} is ignored; each may appear once.
 */
final class DirectiveReader {
    private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*$");
    private static final Set<String> KNOWN = Set.of("escape", "syntax", "check");

    private DirectiveReader() {}

    static Directives read(List<String> lines, String fileName) {
        char escape = Directives.DEFAULT_ESCAPE;
        Optional<String> syntax = Optional.empty();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher matcher = DIRECTIVE.matcher(lines.get(i).stripLeading());
            String key = matcher.matches() ? matcher.group(1).toLowerCase(Locale.ROOT) : "";
            if (!KNOWN.contains(key)) {
                break;
            }
            String value = matcher.group(2);
            Location location = new Location(fileName, i + 1);
            if (!seen.add(key)) {
                throw new DockerfileException(location, "only one " + key + " parser directive can be used");
            }
            if (key.equals("escape")) {
                escape = escapeCharacter(value, location);
            } else if (key.equals("syntax")) {
                syntax = Optional.of(value);
            }
        }
        return new Directives(escape, syntax);
    }

    private static char escapeCharacter(String value, Location location) {
        if (!value.equals("\\") && !value.equals("`")) {
            throw new DockerfileException(location, "invalid escape token '" + value + "' does not match ` or \\");
        }
        return value.charAt(0);
    }
}
