package dev.berth.cli.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.cli.api.FakeApi;
import dev.berth.cli.command.CliEnvironment;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code show-usage --storage} against a fake of the contract's {@code storageUsage}, which no Berth serves yet.
 */
class ShowUsageCommandTest {
    private static String run(FakeApi api, String... args) {
        CliEnvironment env = new CliEnvironment(
                Map.of("BERTH_SERVER", api.url(), "BERTH_USERNAME", "admin", "BERTH_PASSWORD", "pw"),
                InputStream.nullInputStream(),
                false);
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new ShowUsageCommand(env));
        command.setOut(new PrintWriter(out));
        assertEquals(0, command.execute(args));
        return out.toString();
    }

    @Test
    void storagePerRepositoryEndsWithTheRegistrysTotal() throws Exception {
        try (FakeApi api = new FakeApi()) {
            api.answer("GET", "/api/registries/r1/storageUsage", 200, """
                    {"registry": "r1", "bytes": 3072,
                     "repositories": [{"name": "app", "bytes": 2048}, {"name": "base", "bytes": 2048}]}""");

            assertEquals("""
                    REPOSITORY        SIZE     BYTES
                    ----------------  -------  -----
                    app               2.0 KiB  2048
                    base              2.0 KiB  2048
                    (registry total)  3.0 KiB  3072
                    """, run(api, "-n", "r1", "--storage"));
            assertEquals("app\t2.0 KiB\t2048\nbase\t2.0 KiB\t2048\n", run(api, "-n", "r1", "--storage", "-o", "tsv"));
        }
    }

    @Test
    void storagePerManifestOfOneRepository() throws Exception {
        try (FakeApi api = new FakeApi()) {
            api.answer("GET", "/api/registries/default/storageUsage?repository=team%2Fapp", 200, """
                    {"repository": "team/app", "bytes": 10,
                     "manifests": [{"digest": "sha256:aa", "bytes": 10, "tags": ["1", "latest"]}]}""");

            assertEquals("sha256:aa\t10 B\t10\t1, latest\n", run(api, "--repository", "team/app", "-o", "tsv"));
        }
    }
}
