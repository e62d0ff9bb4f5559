package dev.berth.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.runs.Platform;
import dev.berth.core.runs.Run;
import dev.berth.core.runs.RunKeys;
import dev.berth.core.runs.RunRequest;
import dev.berth.core.runs.RunType;
import dev.berth.core.runs.service.RunRetention;
import dev.berth.core.runs.service.RunService;
import dev.berth.core.spi.MetadataStore;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.metadata.sqlite.SqliteMetadataStore;
import dev.berth.storage.fs.FilesystemRunFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs past their retention go with their logs and sources; recent and live ones stay. Time is a settable clock. */
class RunRetentionTest {
    private static final Duration RETENTION = Duration.ofDays(30);

    @TempDir
    Path dir;

    private final Instant start = Instant.parse("2026-01-01T00:00:00Z");
    private Instant now = start;
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private MetadataStore metadata;
    private FilesystemRunFiles files;
    private RunService runs;
    private RegistryRecord registry;

    @BeforeEach
    void open() throws IOException {
        metadata = SqliteMetadataStore.open(dir.resolve("berth.db"), Clock.systemUTC());
        files = new FilesystemRunFiles(dir);
        runs = new RunService(metadata.runs(), files, name -> name + ".localhost", 1 << 20, clock);
        registry = metadata.registries().getOrCreate("myreg");
    }

    @AfterEach
    void close() throws IOException {
        metadata.close();
    }

    /** A build of an uploaded source, canceled (so ended) at the clock's time. */
    private Run endedBuild() throws IOException {
        RunService.SourceUpload upload = runs.newSourceUpload();
        runs.storeSource(registry, upload.name(), new ByteArrayInputStream(new byte[10]), 100);
        Run run = runs.schedule(
                registry,
                new RunRequest(
                        RunType.QUICK_RUN,
                        List.of(),
                        false,
                        false,
                        "",
                        "",
                        List.of(),
                        Platform.DEFAULT,
                        upload.relativePath(),
                        RunRequest.DEFAULT_TIMEOUT,
                        "busybox true",
                        "",
                        List.of()));
        return runs.cancel(registry, run.id());
    }

    private boolean exists(Run run) throws IOException {
        return metadata.runs().find(registry.id(), run.id()).isPresent();
    }

    private Optional<Long> log(Run run) throws IOException {
        return files.size(RunKeys.log(registry.id(), run.id()));
    }

    private Optional<Long> source(Run run) throws IOException {
        return files.size(RunKeys.source(
                registry.id(),
                RunKeys.sourceName(run.request().sourceLocation()).orElseThrow()));
    }

    @Test
    void runsThatEndedLongerAgoThanTheRetentionGoWithTheirLogsAndSources() throws IOException {
        Run old = endedBuild();
        now = start.plus(Duration.ofDays(20));
        Run recent = endedBuild();
        Run live = runs.schedule(registry, RunRequest.quickRun("sleep 1", RunRequest.DEFAULT_TIMEOUT));
        now = start.plus(RETENTION).plus(Duration.ofHours(1));

        RunRetention.Swept swept = new RunRetention(metadata.runs(), files, RETENTION, clock).sweep();

        assertEquals(1, swept.runs());
        assertTrue(!exists(old) && log(old).isEmpty() && source(old).isEmpty(), "the old run is gone whole");
        assertTrue(exists(recent) && log(recent).isPresent() && source(recent).isPresent(), "a recent run stays");
        assertTrue(exists(live) && log(live).isPresent(), "a Queued run stays however old");
    }

    @Test
    void sourcesUploadedLongerAgoAndNeverUsedGoToo() throws IOException {
        RunService.SourceUpload unused = runs.newSourceUpload();
        runs.storeSource(registry, unused.name(), new ByteArrayInputStream(new byte[10]), 100);
        Path file = dir.resolve("runs").resolve(RunKeys.source(registry.id(), unused.name()));
        Files.setLastModifiedTime(
                file, FileTime.from(Instant.now().minus(RETENTION).minusSeconds(3600)));
        RunService.SourceUpload fresh = runs.newSourceUpload();
        runs.storeSource(registry, fresh.name(), new ByteArrayInputStream(new byte[10]), 100);
        now = Instant.now();

        RunRetention.Swept swept = new RunRetention(metadata.runs(), files, RETENTION, clock).sweep();

        assertEquals(1, swept.sources());
        assertTrue(Files.notExists(file));
        assertTrue(files.size(RunKeys.source(registry.id(), fresh.name())).isPresent());
    }

    @Test
    void aSweepWorksThroughMoreRunsThanOneBatch() throws IOException {
        for (int i = 0; i < 230; i++) {
            runs.cancel(
                    registry,
                    runs.schedule(registry, RunRequest.quickRun("x", RunRequest.DEFAULT_TIMEOUT))
                            .id());
        }
        now = start.plus(RETENTION).plusSeconds(1);

        RunRetention.Swept swept = new RunRetention(metadata.runs(), files, RETENTION, clock).sweep();

        assertEquals(230, swept.runs());
        assertTrue(metadata.runs().list(registry.id(), Optional.empty(), 1000).isEmpty());
    }
}
