package dev.berth.core.runs.service;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.runs.Run;
import dev.berth.core.runs.RunIds;
import dev.berth.core.runs.RunKeys;
import dev.berth.core.runs.RunLog;
import dev.berth.core.runs.RunRequest;
import dev.berth.core.runs.RunStatus;
import dev.berth.core.runs.RunType;
import dev.berth.core.runs.RunValues;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.core.spi.RunFiles;
import dev.berth.core.spi.RunStore;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A registry's runs as the management API sees them: source uploads, scheduling, reading, cancelling, and the log.
 * Scheduling only queues the run; agents (module {@code tasks}) carry it out.
 */
public final class RunService {
    private final RunStore store;
    private final RunFiles files;
    private final UnaryOperator<String> loginServer;
    private final long maxLogSize;
    private final Clock clock;

    /**
     * @param loginServer the login server of a registry, by name
     * @param maxLogSize about how many bytes of a log's end are kept (see {@link FileRunLog})
     */
    public RunService(RunStore store, RunFiles files, UnaryOperator<String> loginServer, long maxLogSize, Clock clock) {
        this.store = store;
        this.files = files;
        this.loginServer = loginServer;
        this.maxLogSize = maxLogSize;
        this.clock = clock;
    }

    /** A new place to upload a build source to: its relative path for {@code sourceLocation}, and its name. */
    public record SourceUpload(String name, String relativePath) {}

    public SourceUpload newSourceUpload() {
        String name = HexFormat.of().formatHex(uuidBytes()) + ".tar.gz";
        return new SourceUpload(name, relativePath(name));
    }

    /** The {@code sourceLocation} of an uploaded source. */
    public String relativePath(String name) {
        return RunKeys.SOURCE_DIR + name;
    }

    /** Keeps an uploaded source (a tar.gz) under the name {@link #newSourceUpload} gave. */
    public long storeSource(RegistryRecord registry, String name, InputStream content, long limit) throws IOException {
        if (!RunKeys.SOURCE_NAME.matcher(name).matches()) {
            throw notFound("build source '" + name + "'");
        }
        try {
            return files.write(RunKeys.source(registry.id(), name), content, limit);
        } catch (RunFiles.TooLargeException e) {
            throw new RegistryException(
                    ErrorCode.PAYLOAD_TOO_LARGE, "the build source is larger than the " + limit + " bytes allowed");
        }
    }

    /** Queues a run: gives it an id, puts the run's values in its image names, and starts its log. */
    public Run schedule(RegistryRecord registry, RunRequest request) throws IOException {
        validate(registry, request);
        String id = RunIds.of(store.nextNumber(registry.id()));
        RunValues values = new RunValues(id, loginServer.apply(registry.name()), registry.name(), clock.instant());
        RunRequest named = request.withImageNames(
                request.imageNames().stream().map(values::substitute).toList());
        Run run = Run.queued(registry.id(), id, named, clock.instant());
        RunLog log = new FileRunLog(files, registry.id(), id, maxLogSize);
        log.line("Queued a run with ID: " + id);
        log.line("Waiting for an agent...");
        store.insert(run);
        return run;
    }

    public Run get(RegistryRecord registry, String runId) throws IOException {
        return store.find(registry.id(), runId).orElseThrow(() -> notFound("run '" + runId + "'"));
    }

    public List<Run> list(RegistryRecord registry, Optional<RunStatus> status, int top) throws IOException {
        return store.list(registry.id(), status, top);
    }

    /** Cancels a queued run at once, or asks a running run's agent to stop it; a finished run stays as it is. */
    public Run cancel(RegistryRecord registry, String runId) throws IOException {
        boolean wasQueued = get(registry, runId).status() == RunStatus.QUEUED;
        Run run =
                store.cancel(registry.id(), runId, clock.instant()).orElseThrow(() -> notFound("run '" + runId + "'"));
        if (wasQueued && run.status() == RunStatus.CANCELED) {
            new FileRunLog(files, registry.id(), runId, maxLogSize).line(RunLog.summary(run));
        }
        return run;
    }

    /**
     * Removes an ended run with its log and its uploaded source; a run still Queued or Running is refused (cancel it
     * first, and delete it once it has ended).
     */
    public void delete(RegistryRecord registry, String runId) throws IOException {
        Run run = get(registry, runId);
        if (!run.status().finished()) {
            throw new RegistryException(
                    ErrorCode.CONFLICT,
                    "run '" + runId + "' is " + run.status().text() + ": cancel it and delete it once it has ended");
        }
        RunRetention.deleteWithFiles(store, files, run);
    }

    /** The log of a run from an offset, as it stands, and the offset it starts at (later after a dropped head). */
    public LogSlice log(RegistryRecord registry, String runId, long offset) throws IOException {
        get(registry, runId);
        return LogLayout.read(files, RunKeys.log(registry.id(), runId), offset)
                .map(slice -> new LogSlice(slice.start(), slice.bytes()))
                .orElseGet(() -> new LogSlice(offset, InputStream.nullInputStream()));
    }

    /**
     * Part of a log: its bytes from {@code start}, the offset asked for unless the log's head was dropped past it
     * (it outgrew its cap), in which case it starts with a line saying so at the offset given here.
     */
    public record LogSlice(long start, InputStream bytes) implements java.io.Closeable {
        @Override
        public void close() throws IOException {
            bytes.close();
        }
    }

    /**
     * Follows a run's log from an offset, until the run has ended and its log was read to the end, or until the log
     * has been silent for {@code maxSilence}; the caller then follows again from where it got to.
     */
    public void follow(
            RegistryRecord registry, String runId, long offset, LogSink sink, Duration poll, Duration maxSilence)
            throws IOException {
        new LogFollower(store, files, poll, maxSilence).follow(get(registry, runId), offset, sink);
    }

    /** Receives the bytes of a followed log as they arrive. */
    @FunctionalInterface
    public interface LogSink {
        void accept(byte[] bytes) throws IOException;
    }

    private void validate(RegistryRecord registry, RunRequest request) throws IOException {
        Duration timeout = request.timeout();
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(RunRequest.MAX_TIMEOUT) > 0) {
            throw invalid("timeout is 1 to " + RunRequest.MAX_TIMEOUT.toSeconds() + " seconds");
        }
        if (request.type() == RunType.QUICK_BUILD) {
            if (request.pushEnabled() && request.imageNames().isEmpty()) {
                throw invalid("a build that pushes needs at least one image name");
            }
            if (request.sourceLocation().isEmpty()) {
                throw invalid("a build needs a sourceLocation");
            }
        } else if (request.command().isEmpty()) {
            throw invalid(
                    request.encodedTask().isEmpty()
                            ? "a quick run needs a cmd"
                            : "Berth runs an encoded task of one cmd step only, for now");
        }
        checkSource(registry, request.sourceLocation());
    }

    private void checkSource(RegistryRecord registry, String location) throws IOException {
        if (location.isEmpty() || location.equals("/dev/null") || location.contains("://")) {
            return;
        }
        Optional<String> name = RunKeys.sourceName(location);
        if (name.isEmpty()
                || files.size(RunKeys.source(registry.id(), name.get())).isEmpty()) {
            throw invalid("sourceLocation '" + location + "' is neither an uploaded source nor a URL");
        }
    }

    private static byte[] uuidBytes() {
        UUID uuid = UUID.randomUUID();
        return java.nio.ByteBuffer.allocate(16)
                .putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits())
                .array();
    }

    private static RegistryException notFound(String what) {
        return new RegistryException(ErrorCode.RESOURCE_NOT_FOUND, what + " not found");
    }

    private static RegistryException invalid(String message) {
        return new RegistryException(ErrorCode.INVALID_REQUEST, message);
    }
}
