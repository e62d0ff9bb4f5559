package dev.berth.cli.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of a {@code .dockerignore}, as Docker reads them: one pattern a line ({@code *}, {@code ?}, {@code **}),
 * {@code #} comments, {@code !} to bring back what an earlier line left out; the last rule that matches a path or
 * one of its parent directories decides. As {@code az acr build}, {@code .git} is left out unless a rule brings it
 * back. Kept small until the builder's parser is shared with the CLI.
 */
final class IgnoreFile implements ContextFilter {
    private record Rule(Pattern pattern, boolean keep) {}

    private final List<Rule> rules;

    private IgnoreFile(List<Rule> rules) {
        this.rules = rules;
    }

    /** The rules of {@code <context>/.dockerignore} (none when it is missing), after {@code .git}'s. */
    static IgnoreFile of(Path context) throws IOException {
        Path file = context.resolve(".dockerignore");
        List<String> lines = new ArrayList<>(List.of(".git"));
        if (Files.isRegularFile(file)) {
            lines.addAll(Files.readAllLines(file));
        }
        return parse(lines);
    }

    static IgnoreFile parse(List<String> lines) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean keep = line.startsWith("!");
            String pattern = clean(keep ? line.substring(1).strip() : line);
            if (!pattern.isEmpty()) {
                rules.add(new Rule(Pattern.compile(regex(pattern)), keep));
            }
        }
        return new IgnoreFile(rules);
    }

    @Override
    public boolean includes(String relativePath) {
        boolean included = true;
        for (Rule rule : rules) {
            if (matchesItOrAParent(rule.pattern(), relativePath)) {
                included = rule.keep();
            }
        }
        return included;
    }

    private static boolean matchesItOrAParent(Pattern pattern, String path) {
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            if (pattern.matcher(path.substring(0, slash)).matches()) {
                return true;
            }
        }
        return pattern.matcher(path).matches();
    }

    private static String clean(String pattern) {
        String cleaned = pattern.replace('\\', '/');
        while (cleaned.startsWith("/") || cleaned.startsWith("./")) {
            cleaned = cleaned.substring(cleaned.startsWith("/") ? 1 : 2);
        }
        return cleaned.endsWith("/") ? cleaned.substring(0, cleaned.length() - 1) : cleaned;
    }

    private static String regex(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (pattern.startsWith("**/", i)) {
                regex.append("(.*/)?");
                i += 2;
            } else if (pattern.startsWith("**", i)) {
                regex.append(".*");
                i += 1;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
