package dev.berth.core.runs.service;

import dev.berth.core.runs.RunKeys;
import dev.berth.core.runs.RunLog;
import dev.berth.core.spi.RunFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** A run's log kept in {@link RunFiles}, appended to as it is written. */
public final class FileRunLog implements RunLog {
    private final RunFiles files;
    private final String key;

    public FileRunLog(RunFiles files, long registryId, String runId) {
        this.files = files;
        this.key = RunKeys.log(registryId, runId);
    }

    @Override
    public void line(String text) throws IOException {
        write((text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void write(byte[] bytes) throws IOException {
        files.append(key, bytes);
    }
}
