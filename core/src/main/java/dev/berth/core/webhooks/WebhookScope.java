package dev.berth.core.webhooks;

import java.util.regex.Pattern;

/**
 * Which events of a registry a webhook hears, in ACR's syntax: {@code repo:tag}, {@code repo:*} for every tag of a
 * repository, {@code repo} for {@code repo:latest}, empty for everything. {@code *} inside a name matches any run of
 * characters. An event without a tag (a manifest or repository delete) is heard when its repository matches.
 */
public record WebhookScope(String text) {
    public static final WebhookScope ALL = new WebhookScope("");

    public WebhookScope {
        text = text == null ? "" : text.strip();
        if (text.chars().anyMatch(Character::isWhitespace) || text.indexOf(':') != text.lastIndexOf(':')) {
            throw new IllegalArgumentException("the scope '" + text + "' is not repository[:tag]");
        }
        if (text.startsWith(":") || text.endsWith(":")) {
            throw new IllegalArgumentException("the scope '" + text + "' is not repository[:tag]");
        }
    }

    /** Whether an event about the repository and tag (null when the event has none) is in scope. */
    public boolean matches(String repository, String tag) {
        if (text.isEmpty()) {
            return true;
        }
        int colon = text.indexOf(':');
        String repositoryPattern = colon < 0 ? text : text.substring(0, colon);
        String tagPattern = colon < 0 ? "latest" : text.substring(colon + 1);
        return glob(repositoryPattern, repository) && (tag == null || glob(tagPattern, tag));
    }

    private static boolean glob(String pattern, String value) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return value.matches(regex.toString());
    }
}
