package dev.berth.cli.runs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IgnoreFileTest {
    @TempDir
    Path context;

    @Test
    void withoutADockerignoreOnlyGitIsLeftOut() throws IOException {
        ContextFilter filter = IgnoreFile.of(context);

        assertFalse(filter.includes(".git/HEAD"));
        assertTrue(filter.includes("src/Main.java"));
    }

    @Test
    void theRulesOfTheDockerignoreApplyAndMayBringGitBack() throws IOException {
        Files.writeString(context.resolve(".dockerignore"), "*.env\nlogs\n!logs/keep.log\n!.git/**\n");
        ContextFilter filter = IgnoreFile.of(context);

        assertFalse(filter.includes("prod.env"));
        assertFalse(filter.includes("logs/drop.log"));
        assertTrue(filter.includes("logs/keep.log"));
        assertTrue(filter.includes(".git/HEAD"));
    }

    @Test
    void aBrokenRuleIsReportedWithItsLine() throws IOException {
        Files.writeString(context.resolve(".dockerignore"), "ok\n[unclosed\n");

        IOException e = assertThrows(IOException.class, () -> IgnoreFile.of(context));
        assertTrue(e.getMessage().contains(".dockerignore:2"), e.getMessage());
    }
}
