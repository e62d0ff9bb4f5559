package dev.berth.tasks;

import dev.berth.core.spi.RunFiles;
import dev.berth.core.spi.RunStore;
import dev.berth.tasks.sources.SourcePreparer;
import java.time.Clock;

/** What every agent of a pool works with. */
record Crew(
        RunStore store,
        RunFiles files,
        SourcePreparer sources,
        RunExecutor executor,
        AgentSettings settings,
        Clock clock) {}
