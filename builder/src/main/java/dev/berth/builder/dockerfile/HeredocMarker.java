package dev.berth.builder.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code <<EOF}, {@code <<-EOF}, {@code <<"EOF"} or {@code 3<<EOF} word of an instruction line. A quoted delimiter
 * (any part of it) means the body is not expanded; {@code -} means leading tabs are stripped from the body and the
 * delimiter line.
 */
record HeredocMarker(String name, boolean expand, boolean stripTabs) {
    private static final Pattern MARKER = Pattern.compile("^\\d*<<(-?)([^<]+)$");

    /** The markers of {@code arguments}, in order; quoted words ({@code '<<EOF'}) are not markers. */
    static List<HeredocMarker> find(String arguments, char escape) {
        List<HeredocMarker> markers = new ArrayList<>();
        for (String word : Words.shellLike(arguments, escape)) {
            Matcher matcher = MARKER.matcher(word);
            if (matcher.matches()) {
                markers.add(of(matcher.group(2), matcher.group(1).equals("-"), escape));
            }
        }
        return markers;
    }

    /** Whether {@code word} is the marker of this heredoc, as it appears among the arguments. */
    static boolean isMarker(String word) {
        return MARKER.matcher(word).matches();
    }

    /** Whether {@code text} is one marker and nothing else ({@code <<EOF}, {@code <<-"EOF"}). */
    static boolean isOnlyMarker(String text) {
        String stripped = text.strip();
        return stripped.startsWith("<<")
                && isMarker(stripped)
                && stripped.chars().noneMatch(Character::isWhitespace);
    }

    private static HeredocMarker of(String delimiter, boolean stripTabs, char escape) {
        String name = new Substitution(escape).expand(delimiter, Map.of());
        boolean quoted = delimiter.indexOf('"') >= 0 || delimiter.indexOf('\'') >= 0;
        return new HeredocMarker(name, !quoted, stripTabs);
    }
}
