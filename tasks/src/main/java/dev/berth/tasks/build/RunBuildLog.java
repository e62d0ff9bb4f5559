package dev.berth.tasks.build;

import dev.berth.builder.build.BuildLog;
import dev.berth.builder.runtime.OutputSink;
import dev.berth.core.runs.RunLog;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The builder's log written into a run's log, lines and process output alike, as they come. */
final class RunBuildLog implements BuildLog {
    private final RunLog log;

    RunBuildLog(RunLog log) {
        this.log = log;
    }

    @Override
    public void line(String text) {
        try {
            log.line(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public OutputSink processOutput() {
        return (channel, chunk) -> {
            try {
                log.write(chunk);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
