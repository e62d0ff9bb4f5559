package dev.berth.builder.build;

import dev.berth.builder.dockerfile.Location;
import java.util.List;
import java.util.Map;

/** Variable substitution with the build's escape character, failures blamed on the instruction's line. */
final class Expansion {
    private Expansion() {}

    static String word(BuildSession session, Map<String, String> env, String raw, Location location)
            throws BuildException {
        try {
            return session.substitution.expand(raw, env);
        } catch (RuntimeException e) {
            throw BuildException.at(location, e.getMessage(), e);
        }
    }

    static List<String> words(BuildSession session, Map<String, String> env, String raw, Location location)
            throws BuildException {
        try {
            return session.substitution.expandWords(raw, env);
        } catch (RuntimeException e) {
            throw BuildException.at(location, e.getMessage(), e);
        }
    }
}
