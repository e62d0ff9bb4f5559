package dev.berth.builder.dockerfile;

import java.util.Objects;

/**
 * A here-document of {@code RUN}, {@code COPY} or {@code ADD}: {@code <<EOF} ... {@code EOF}.
 *
 * @param name the delimiter, without quotes and without the {@code -} of {@code <<-}
 * @param content the lines between the instruction and the delimiter, each ending with a newline; for {@code <<-EOF}
 *     their leading tabs are already removed
 * @param expand true unless the delimiter was quoted ({@code <<"EOF"}, {@code <<'EOF'}): then the content is taken
 *     literally, with no variable expansion
 * @param stripTabs true for {@code <<-EOF}
 */
public record Heredoc(String name, String content, boolean expand, boolean stripTabs) {
    public Heredoc {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
    }
}
