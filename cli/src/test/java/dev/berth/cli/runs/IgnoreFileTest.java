package dev.berth.cli.runs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IgnoreFileTest {
    @Test
    void patternsLeaveOutFilesAndWholeDirectories() {
        IgnoreFile rules = IgnoreFile.parse(List.of("# comment", "*.env", "build/", "docs/**/*.tmp", "/secret"));

        assertFalse(rules.includes("prod.env"));
        assertTrue(rules.includes("config/prod.env"), "* does not cross directories");
        assertFalse(rules.includes("build/out/app.jar"));
        assertFalse(rules.includes("docs/a/b/c.tmp"));
        assertFalse(rules.includes("docs/c.tmp"));
        assertFalse(rules.includes("secret"));
        assertTrue(rules.includes("src/Main.java"));
    }

    @Test
    void theLastMatchingRuleDecidesSoAnExceptionBringsAFileBack() {
        IgnoreFile rules = IgnoreFile.parse(List.of("logs", "!logs/keep.log", "*.md", "!README.md", "README.md"));

        assertFalse(rules.includes("logs/drop.log"));
        assertTrue(rules.includes("logs/keep.log"));
        assertFalse(rules.includes("README.md"));
    }

    @Test
    void gitIsLeftOutUnlessBroughtBack(@TempDir Path context) throws Exception {
        assertFalse(IgnoreFile.of(context).includes(".git/HEAD"));

        Files.writeString(context.resolve(".dockerignore"), "!.git/**\n");

        assertTrue(IgnoreFile.of(context).includes(".git/HEAD"));
    }
}
