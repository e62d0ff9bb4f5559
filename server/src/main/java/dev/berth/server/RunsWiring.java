package dev.berth.server;

import dev.berth.core.egress.Egress;
import dev.berth.core.installation.Registries;
import dev.berth.core.runs.service.RunRetention;
import dev.berth.core.runs.service.RunService;
import dev.berth.core.spi.MetadataStore;
import dev.berth.core.spi.RunFiles;
import dev.berth.http.manage.ManagementApi;
import dev.berth.http.runs.RunRoutes;
import dev.berth.server.config.BerthConfig;
import dev.berth.storage.fs.FilesystemRunFiles;
import dev.berth.tasks.AgentPool;
import dev.berth.tasks.AgentSettings;
import dev.berth.tasks.RunExecutor;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Runs in the embedded default: their files under {@code <data-dir>/runs}, the run service behind the management
 * API's run routes, and this process's agents. At start, runs left Running by the previous process end as Error:
 * the data directory's lock guarantees no other process holds them. Runs past their retention are swept hourly.
 */
final class RunsWiring implements Closeable {
    private final RunService service;
    private final AgentPool agents;
    private final Hourly sweeper;
    private final long sourceLimit;

    private RunsWiring(RunService service, AgentPool agents, Hourly sweeper, long sourceLimit) {
        this.service = service;
        this.agents = agents;
        this.sweeper = sweeper;
        this.sourceLimit = sourceLimit;
    }

    static RunsWiring start(
            BerthConfig.Tasks tasks,
            BerthConfig.Runs runs,
            MetadataStore metadata,
            Path dataDir,
            Registries registries,
            RunExecutor executor,
            Egress egress,
            Clock clock)
            throws IOException {
        RunFiles files = new FilesystemRunFiles(dataDir);
        long maxLogSize = runs.maxLogSize();
        AgentPool.recoverAfterRestart(metadata.runs(), files, maxLogSize, clock);
        AgentSettings settings = new AgentSettings(
                tasks.agents(),
                "embedded",
                dataDir.resolve("runs").resolve("work"),
                AgentSettings.DEFAULT_POLL,
                AgentSettings.DEFAULT_LEASE,
                tasks.maxSourceSize(),
                maxLogSize);
        return new RunsWiring(
                new RunService(metadata.runs(), files, registries::loginServer, maxLogSize, clock),
                AgentPool.start(metadata.runs(), files, executor, settings, egress, clock),
                RunSweeper.start(new RunRetention(metadata.runs(), files, runs.retention(), clock)),
                tasks.maxSourceSize());
    }

    /** The management API's run routes. */
    List<ManagementApi.RouteSet> routes() {
        return List.of(new RunRoutes(service, sourceLimit));
    }

    @Override
    public void close() {
        sweeper.close();
        agents.close();
    }
}
