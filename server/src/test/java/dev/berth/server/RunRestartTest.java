package dev.berth.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.runs.Run;
import dev.berth.core.runs.RunIds;
import dev.berth.core.runs.RunRequest;
import dev.berth.core.runs.RunStatus;
import dev.berth.core.spi.MetadataStore;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.metadata.sqlite.SqliteMetadataStore;
import dev.berth.server.config.BerthConfig;
import dev.berth.server.config.ConfigLoader;
import dev.berth.tasks.ScriptedExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run left Running by a Berth that died ends as Error when Berth starts again on the same data directory. */
class RunRestartTest {
    @TempDir
    Path dataDir;

    private BerthConfig config() {
        return ConfigLoader.load(
                null,
                Map.of(),
                Map.of(
                        "server.host", "127.0.0.1",
                        "server.port", "0",
                        "storage.dataDir", dataDir.toString(),
                        "auth.adminPassword", "admin-password"));
    }

    @Test
    void aRunLeftRunningEndsAsErrorOnStart() throws Exception {
        Berth.start(config(), new ScriptedExecutor()).close();
        String runId;
        try (MetadataStore metadata = SqliteMetadataStore.open(dataDir.resolve("berth.db"), Clock.systemUTC())) {
            RegistryRecord registry = metadata.registries().getOrCreate("default");
            runId = RunIds.of(metadata.runs().nextNumber(registry.id()));
            RunRequest request = RunRequest.quickRun("busybox true", RunRequest.DEFAULT_TIMEOUT);
            metadata.runs().insert(Run.queued(registry.id(), runId, request, Instant.now()));
            metadata.runs().claim("embedded-1", Instant.now(), Instant.now().plusSeconds(3600));
        }

        Berth.start(config(), new ScriptedExecutor()).close();

        try (MetadataStore metadata = SqliteMetadataStore.open(dataDir.resolve("berth.db"), Clock.systemUTC())) {
            RegistryRecord registry = metadata.registries().getOrCreate("default");
            Run ended = metadata.runs().find(registry.id(), runId).orElseThrow();
            assertEquals(RunStatus.ERROR, ended.status());
            assertTrue(
                    ended.errorMessage().startsWith("Berth stopped while the run was running"), ended.errorMessage());
        }
    }
}
