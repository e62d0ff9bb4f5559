package dev.berth.builder.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.builder.dockerfile.Substitution.SubstitutionException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubstitutionTest {
    private static final Map<String, String> ENV =
            Map.of("NAME", "berth", "EMPTY", "", "SPACED", "a  b", "PATH", "/usr/bin", "V1", "one");
    private static final Substitution BACKSLASH = new Substitution('\\');

    @ParameterizedTest(name = "[{0}] expands to [{1}]")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "$NAME                    | berth",
                "${NAME}                  | berth",
                "pre-${NAME}-post         | pre-berth-post",
                "$NAME.txt                | berth.txt",
                "$V1x                     | ``",
                "${V1}x                   | onex",
                "$UNSET                   | ``",
                "${UNSET}                 | ``",
                "${UNSET:-fallback}       | fallback",
                "${EMPTY:-fallback}       | fallback",
                "${EMPTY-fallback}        | ``",
                "${UNSET-fallback}        | fallback",
                "${NAME:-fallback}        | berth",
                "${NAME:+alternative}     | alternative",
                "${EMPTY:+alternative}    | ``",
                "${EMPTY+alternative}     | alternative",
                "${UNSET+alternative}     | ``",
                "${NAME:?must be set}     | berth",
                "${EMPTY?must be set}     | ``",
                "${UNSET:-${NAME}}        | berth",
                "${UNSET:-$PATH:/bin}     | /usr/bin:/bin",
                "${UNSET:-'a}b'}          | a}b",
                "'$NAME'                  | $NAME",
                "\"$NAME\"                | berth",
                "\"a \\\" b\"             | a \" b",
                "\"a \\$NAME\"            | a $NAME",
                "\"a \\n\"                | a \\n",
                "\\$NAME                  | $NAME",
                "a\\ b                    | a b",
                "\\\\                     | \\",
                "trailing\\               | trailing",
                "$                        | $",
                "a $ b                    | a $ b",
                "$1                       | ``",
                "'it''s'                  | its",
                "\"${SPACED}\"            | a  b",
            })
    void expandsOneWord(String raw, String expected) {
        assertEquals(expected, BACKSLASH.expand(raw, ENV));
    }

    @Test
    void theBacktickEscapesWhenItIsTheEscapeCharacter() {
        Substitution backtick = new Substitution('`');
        assertEquals("C:\\Program Files\\app", backtick.expand("C:\\Program` Files\\app", ENV));
        assertEquals("$NAME", backtick.expand("`$NAME", ENV));
        assertEquals("a \" b", backtick.expand("\"a `\" b\"", ENV));
    }

    @Test
    void splitsIntoWordsOnUnquotedBlanksIncludingThoseOfValues() {
        assertEquals(List.of("80", "443/tcp"), BACKSLASH.expandWords("  80   443/tcp ", ENV));
        assertEquals(List.of("a", "b", "c"), BACKSLASH.expandWords("$SPACED c", ENV));
        assertEquals(List.of("a  b", "c"), BACKSLASH.expandWords("\"$SPACED\" c", ENV));
        assertEquals(List.of("a b", "c d"), BACKSLASH.expandWords("a\\ b 'c d'", ENV));
        assertEquals(List.of(), BACKSLASH.expandWords("$UNSET", ENV));
    }

    @Test
    void patternsTrimPrefixesAndSuffixesAndReplace() {
        Map<String, String> env = Map.of("FILE", "dir/sub/archive.tar.gz", "V", "a-b-c", "STAR", "a*b");
        assertEquals("sub/archive.tar.gz", BACKSLASH.expand("${FILE#*/}", env));
        assertEquals("archive.tar.gz", BACKSLASH.expand("${FILE##*/}", env));
        assertEquals("dir/sub/archive.tar", BACKSLASH.expand("${FILE%.*}", env));
        assertEquals("dir/sub/archive", BACKSLASH.expand("${FILE%%.*}", env));
        assertEquals("dir/sub/archive.tar.gz", BACKSLASH.expand("${FILE#nomatch}", env));
        assertEquals("a_b-c", BACKSLASH.expand("${V/-/_}", env));
        assertEquals("a_b_c", BACKSLASH.expand("${V//-/_}", env));
        assertEquals("a-c", BACKSLASH.expand("${V/-?-/-}", env));
        assertEquals("a+b", BACKSLASH.expand("${STAR/\\*/+}", env));
        assertEquals("", BACKSLASH.expand("${UNSET#x}", env));
        assertEquals("x/y", BACKSLASH.expand("${UNSET:-x\\/y}", env));
    }

    @Test
    void anUnsetVariableWithQuestionMarkIsAnError() {
        assertEquals("UNSET: needed", failure("${UNSET:?needed}"));
        assertEquals("EMPTY: is not allowed to be empty", failure("${EMPTY:?}"));
        assertEquals("UNSET: is not allowed to be unset", failure("${UNSET?}"));
    }

    @Test
    void malformedSubstitutionsAreErrors() {
        assertEquals("syntax error: missing '}'", failure("${NAME"));
        assertEquals("syntax error: missing '}'", failure("${NAME:-abc"));
        assertEquals("syntax error: missing '}'", failure("${"));
        assertEquals("syntax error: bad substitution", failure("${}"));
        assertEquals("syntax error: bad substitution", failure("${:-x}"));
        assertEquals("unsupported modifier (:=) in substitution", failure("${NAME:=x}"));
        assertEquals("unsupported modifier (=) in substitution", failure("${NAME=x}"));
        assertEquals("unsupported modifier (:#) in substitution", failure("${NAME:#x}"));
        assertEquals("syntax error: missing '/' in ${}", failure("${NAME/abc"));
        assertEquals("invalid pattern (\\d) in substitution: invalid escape '\\d'", failure("${NAME#\\d}"));
        assertEquals("unexpected end of statement while looking for matching single-quote", failure("'abc"));
        assertEquals("unexpected end of statement while looking for matching double-quote", failure("\"abc"));
    }

    private static String failure(String raw) {
        return assertThrows(SubstitutionException.class, () -> BACKSLASH.expand(raw, ENV))
                .getMessage();
    }
}
