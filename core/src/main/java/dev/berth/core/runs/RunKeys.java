package dev.berth.core.runs;

import java.util.Optional;
import java.util.regex.Pattern;

/** Where a run's files are kept in {@link dev.berth.core.spi.RunFiles}. */
public final class RunKeys {
    /** An uploaded source's name: a random id and the archive's extension. */
    public static final Pattern SOURCE_NAME = Pattern.compile("[0-9a-f]{32}\\.tar\\.gz");
    /** The relative path of an uploaded source, as {@code listBuildSourceUploadUrl} answers it. */
    public static final String SOURCE_DIR = "source/";

    private RunKeys() {}

    public static String log(long registryId, String runId) {
        return registryId + "/logs/" + runId + ".log";
    }

    public static String source(long registryId, String name) {
        return registryId + "/sources/" + name;
    }

    /** The source name a relative path names, if it is one an upload answered. */
    public static Optional<String> sourceName(String relativePath) {
        if (!relativePath.startsWith(SOURCE_DIR)) {
            return Optional.empty();
        }
        String name = relativePath.substring(SOURCE_DIR.length());
        return SOURCE_NAME.matcher(name).matches() ? Optional.of(name) : Optional.empty();
    }
}
