package dev.berth.core.installation;

import java.util.regex.Pattern;

/** ACR's rule for the names of tokens and scope maps: 5 to 50 letters, digits, hyphens and underscores. */
final class ResourceNames {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{5,50}");

    private ResourceNames() {}

    static String check(String kind, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw Problems.invalid("a " + kind + " name is 5 to 50 letters, digits, hyphens and underscores");
        }
        return name;
    }
}
