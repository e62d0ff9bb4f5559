package dev.berth.core.runs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one thing Berth reads of ACR's encoded task (base64 task YAML, as {@code az acr run --cmd} sends it): the
 * command of a task made of a single {@code cmd} step. Multi-step tasks come with the task YAML later.
 */
public final class EncodedTask {
    private static final Pattern STEP = Pattern.compile("^\\s*-\\s*(\\w+)\\s*:\\s*(.*)$");

    private EncodedTask() {}

    /** The command of a task of one {@code cmd} step; empty for anything else, or for what is not base64. */
    public static Optional<String> singleCommand(String encoded) {
        String yaml;
        try {
            yaml = new String(Base64.getDecoder().decode(encoded.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        List<String[]> steps = new ArrayList<>();
        for (String line : yaml.split("\\R")) {
            Matcher step = STEP.matcher(line);
            if (step.matches()) {
                steps.add(new String[] {step.group(1), step.group(2)});
            }
        }
        if (steps.size() != 1 || !steps.getFirst()[0].equals("cmd")) {
            return Optional.empty();
        }
        return Optional.of(unquoted(steps.getFirst()[1].strip())).filter(cmd -> !cmd.isEmpty());
    }

    private static String unquoted(String value) {
        boolean quoted = value.length() >= 2
                && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"));
        return quoted ? value.substring(1, value.length() - 1) : value;
    }
}
