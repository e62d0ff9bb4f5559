package dev.berth.core.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EncodedTaskTest {
    private static String encode(String yaml) {
        return Base64.getEncoder().encodeToString(yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theCommandOfAzAcrRunsOneStepTaskIsRead() {
        String yaml = """
                version: v1.1.0
                steps:
                  - cmd: busybox echo "hello world"
                    disableWorkingDirectoryOverride: true
                    timeout: 3600
                """;

        assertEquals(Optional.of("busybox echo \"hello world\""), EncodedTask.singleCommand(encode(yaml)));
        assertEquals(Optional.of("busybox ls"), EncodedTask.singleCommand(encode("steps:\n- cmd: 'busybox ls'\n")));
    }

    @Test
    void aTaskOfOtherOrMoreStepsHasNoSingleCommand() {
        assertEquals(Optional.empty(), EncodedTask.singleCommand(encode("steps:\n  - build: -t app .\n")));
        assertEquals(Optional.empty(), EncodedTask.singleCommand(encode("steps:\n  - cmd: a\n  - cmd: b\n")));
        assertEquals(Optional.empty(), EncodedTask.singleCommand("not base64!"));
    }
}
