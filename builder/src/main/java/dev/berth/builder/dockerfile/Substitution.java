package dev.berth.builder.dockerfile;

import java.util.List;
import java.util.Map;

/**
 * Variable substitution as Docker's shell lexer does it, for the instructions that expand ({@code ADD}, {@code COPY},
 * {@code ENV}, {@code EXPOSE}, {@code FROM}, {@code LABEL}, {@code STOPSIGNAL}, {@code USER}, {@code VOLUME}, {@code
 * WORKDIR}, {@code ARG} defaults, and those under {@code ONBUILD} when it runs). {@code RUN}, {@code CMD} and {@code
 * ENTRYPOINT} are left to the shell.
 *
 * <p>Supported: {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}}, {@code ${VAR-default}}, {@code ${VAR:+alt}},
 * {@code ${VAR+alt}}, {@code ${VAR:?message}}, {@code ${VAR?message}}, nested in the default and alternative words;
 * and the pattern forms {@code ${VAR#p}}, {@code ${VAR##p}}, {@code ${VAR%p}}, {@code ${VAR%%p}}, {@code ${VAR/p/r}},
 * {@code ${VAR//p/r}}.
 * Single quotes keep everything literal; double quotes expand variables and let the escape character escape {@code
 * "}, {@code $} and itself; elsewhere the escape character makes the next character literal. Quotes are removed.
 * An unset variable expands to the empty string.
 *
 * <p>Thread-safe and reusable.
 */
public final class Substitution {
    private final char escape;

    /** A substitution whose escape character is {@code escape}: {@code \} or the {@code # escape=} directive's. */
    public Substitution(char escape) {
        this.escape = escape;
    }

    /** The escape character of {@code directives}. */
    public static Substitution of(Directives directives) {
        return new Substitution(directives.escape());
    }

    /**
     * Expands one word: the result is a single string (spaces in values and quotes are kept together).
     *
     * @param env the variables in scope; a key present with an empty value is set (it matters to {@code ${V-x}})
     * @throws SubstitutionException for a syntax error or a {@code ${V:?message}} whose variable is unset
     */
    public String expand(String word, Map<String, String> env) {
        return new ShellWord(word, escape, env).expandWord();
    }

    /**
     * Expands and splits into words on unquoted blanks, as for {@code EXPOSE}, {@code VOLUME}, {@code COPY} sources:
     * a variable's value is split too, a quoted or escaped blank is not.
     *
     * @throws SubstitutionException as {@link #expand}
     */
    public List<String> expandWords(String text, Map<String, String> env) {
        return new ShellWord(text, escape, env).expandWords();
    }

    /**
     * Expands the body of an unquoted heredoc ({@code COPY <<EOF}): variables expand and the escape character protects
     * {@code $}, but quotes are content and blanks do not split.
     *
     * @throws SubstitutionException as {@link #expand}
     */
    public String expandHeredoc(String content, Map<String, String> env) {
        return new ShellWord(content, escape, env).expandBody();
    }

    /** A word that cannot be expanded; the engine reports it with the instruction's location. */
    public static final class SubstitutionException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        SubstitutionException(String message) {
            super(message);
        }
    }
}
