package dev.berth.builder.dockerfile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Splits a {@code --mount} value into its comma-separated {@code key=value} fields (double quotes allowed). */
final class RunMountParser {
    private static final Set<String> TYPES = Set.of("bind", "cache", "tmpfs", "secret", "ssh");

    private RunMountParser() {}

    static RunMount parse(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : csvFields(text)) {
            int equals = field.indexOf('=');
            String key =
                    (equals < 0 ? field : field.substring(0, equals)).strip().toLowerCase(Locale.ROOT);
            if (key.isEmpty()) {
                throw new SyntaxError("invalid --mount field: \"" + field + "\"");
            }
            fields.put(key, equals < 0 ? "" : field.substring(equals + 1));
        }
        RunMount mount = new RunMount(text, fields);
        if (!TYPES.contains(mount.type())) {
            throw new SyntaxError("unsupported --mount type: " + mount.type());
        }
        return mount;
    }

    private static List<String> csvFields(String text) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields.stream().filter(f -> !f.isBlank()).toList();
    }
}
