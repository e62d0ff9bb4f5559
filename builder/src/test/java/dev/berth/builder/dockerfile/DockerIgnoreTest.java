package dev.berth.builder.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DockerIgnoreTest {
    @ParameterizedTest(name = "{0} excludes {1}: {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "node_modules         | node_modules                  | true",
                "node_modules         | node_modules/a/b.js           | true",
                "node_modules         | src/node_modules              | false",
                "/node_modules        | node_modules/x                | true",
                "./build/../dist      | dist/app.js                   | true",
                "*.md                 | README.md                     | true",
                "*.md                 | docs/README.md                | false",
                "*/*.md               | docs/README.md                | true",
                "**/*.md              | docs/a/b/README.md            | true",
                "**/*.md              | README.md                     | true",
                "docs/**              | docs/a/b                      | true",
                "docs/**              | docs                          | false",
                "**                   | anything/at/all               | true",
                "a/**/b               | a/b                           | true",
                "a/**/b               | a/x/y/b/c                     | true",
                "a/**/b               | a/x/c                         | false",
                "file?.txt            | file1.txt                     | true",
                "file?.txt            | file10.txt                    | false",
                "file?.txt            | file/.txt                     | false",
                "[a-c].go             | b.go                          | true",
                "[a-c].go             | d.go                          | false",
                "[^a-c].go            | d.go                          | true",
                "\\*.go               | *.go                          | true",
                "\\*.go               | x.go                          | false",
                "a.(b)+c              | a.(b)+c                       | true",
                "a.(b)+c              | aX(b)+c                       | false",
                "secret               | ./secret                      | true",
                "secret               | /secret                       | true",
            })
    void matchesOnePattern(String pattern, String path, boolean excluded) {
        assertEquals(excluded, DockerIgnore.parse(pattern).excludes(path));
    }

    @Test
    void theLastMatchingPatternWins() {
        DockerIgnore ignore = DockerIgnore.parse("*.md\n!README.md\nREADME*.md\n!docs\n");
        assertTrue(ignore.excludes("CHANGES.md"));
        assertTrue(ignore.excludes("README.md"));
        assertTrue(ignore.excludes("README-dev.md"));
        assertFalse(ignore.excludes("docs/guide/index.html"));
    }

    @Test
    void anExceptionReincludesAFileOfAnExcludedDirectory() {
        DockerIgnore ignore = DockerIgnore.parse("build\n!build/keep.txt\n");
        assertTrue(ignore.excludes("build/other.txt"));
        assertFalse(ignore.excludes("build/keep.txt"));
        assertTrue(ignore.excludes("build"));
    }

    @Test
    void commentsBlankLinesAndBlanksAroundPatternsAreIgnored() {
        DockerIgnore ignore = DockerIgnore.parse("\uFEFF# a comment\n\n   \n  target  \n # not a comment\n! keep \r\n");
        assertEquals(List.of("target", "# not a comment", "!keep"), ignore.patterns());
        assertTrue(ignore.excludes("target/classes"));
        assertTrue(ignore.excludes("# not a comment"));
    }

    @Test
    void nothingIsExcludedWithoutPatterns() {
        assertFalse(DockerIgnore.parse("").excludes("a"));
        assertFalse(DockerIgnore.none().excludes("a/b"));
        assertTrue(DockerIgnore.none().isEmpty());
    }

    @Test
    void aDirectoryMayBeSkippedOnlyWhenNoExceptionCanReachIntoIt() {
        DockerIgnore ignore = DockerIgnore.parse("build\nnode_modules\n!build/dist/*.js\n!vendor/**/LICENSE\n");
        assertTrue(ignore.mayReinclude("build"));
        assertTrue(ignore.mayReinclude("build/dist"));
        assertFalse(ignore.mayReinclude("build/tmp"));
        assertFalse(ignore.mayReinclude("node_modules"));
        assertTrue(ignore.mayReinclude("vendor/a/b"));
        assertFalse(DockerIgnore.parse("a\n!b*/c\n").mayReinclude("a"));
        assertTrue(DockerIgnore.parse("a\n!**/c\n").mayReinclude("a"));
        assertTrue(DockerIgnore.parse("a\n!a\n").mayReinclude("a/b"));
    }

    @Test
    void anUnclosedClassIsAnErrorWithItsLine() {
        DockerfileException e = assertThrows(DockerfileException.class, () -> DockerIgnore.parse("ok\n\n[abc\n"));
        assertEquals(".dockerignore:3: syntax error in pattern: [abc", e.getMessage());
        DockerfileException lone = assertThrows(DockerfileException.class, () -> DockerIgnore.parse("a\n ! \n"));
        assertEquals(".dockerignore:2: illegal exclusion pattern: \"!\"", lone.getMessage());
    }
}
