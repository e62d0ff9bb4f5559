package dev.berth.builder.build;

import dev.berth.builder.runtime.OutputSink;

/**
 * Where a build reports: a line per step and event, and the raw output of RUN steps. Called from the building thread
 * only.
 */
public interface BuildLog {
    /** One line of the build's own (no newline). */
    void line(String text);

    /** Where a RUN step's stdout and stderr go as they come. */
    OutputSink processOutput();
}
