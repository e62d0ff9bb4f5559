package dev.berth.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.egress.EgressPolicy;
import dev.berth.core.runs.Run;
import dev.berth.core.runs.RunKeys;
import dev.berth.core.runs.RunRequest;
import dev.berth.core.runs.RunStatus;
import dev.berth.core.runs.service.RunService;
import dev.berth.core.spi.MetadataStore;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.core.spi.RunFiles;
import dev.berth.egress.JettyEgress;
import dev.berth.metadata.sqlite.SqliteMetadataStore;
import dev.berth.storage.fs.FilesystemRunFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentPoolTest {
    static final long LOG_CAP = 16 * 1024;

    @TempDir
    Path dir;

    MetadataStore metadata;
    RunFiles files;
    RunService runs;
    RegistryRecord registry;
    ScriptedExecutor executor = new ScriptedExecutor();
    AgentPool pool;

    @BeforeEach
    void open() throws IOException {
        metadata = SqliteMetadataStore.open(dir.resolve("berth.db"), Clock.systemUTC());
        files = new FilesystemRunFiles(dir);
        runs = new RunService(metadata.runs(), files, name -> name + ".localhost", LOG_CAP, Clock.systemUTC());
        registry = metadata.registries().getOrCreate("myreg");
    }

    @AfterEach
    void close() throws IOException {
        if (pool != null) {
            pool.close();
        }
        metadata.close();
    }

    void start(int agents) {
        AgentSettings settings = new AgentSettings(
                agents, "test", dir.resolve("work"), Duration.ofMillis(20), Duration.ofMillis(300), 1 << 20, LOG_CAP);
        pool = AgentPool.start(
                metadata.runs(),
                files,
                executor,
                settings,
                new JettyEgress(EgressPolicy.allowing("127.0.0.0/8")),
                Clock.systemUTC());
    }

    static RunRequest quickRun(Duration timeout) {
        return RunRequest.quickRun("busybox echo hi", timeout);
    }

    Run await(Run run, Predicate<Run> condition) throws Exception {
        Instant until = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(until)) {
            Run current = runs.get(registry, run.id());
            if (condition.test(current)) {
                return current;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("run " + run.id() + " never got there: " + runs.get(registry, run.id()));
    }

    Run finished(Run run) throws Exception {
        return await(run, r -> r.status().finished());
    }

    String log(Run run) throws IOException {
        try (RunService.LogSlice slice = runs.log(registry, run.id(), 0)) {
            return new String(slice.bytes().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aRunPrintingFarMoreThanTheCapKeepsTheEndOfItsLogBehindAMarker() throws Exception {
        start(1);
        Run run = runs.schedule(registry, RunRequest.quickRun("print 4000000", RunRequest.DEFAULT_TIMEOUT));

        Run done = finished(run);

        assertEquals(RunStatus.SUCCEEDED, done.status());
        String log = log(done);
        assertTrue(log.startsWith("[berth: log truncated: the first 3.8 MiB ("), log.substring(0, 100));
        assertTrue(log.contains("bytes) were dropped; the last 16 KiB are kept]\n"), log.substring(0, 100));
        assertTrue(
                log.matches("(?s).*printed line \\d+\nStep 2/2 : done\nRun ID: " + run.id()
                        + " was successful after \\d+s\n"),
                log.substring(log.length() - 200));
        assertTrue(log.length() <= LOG_CAP + 200, "kept " + log.length());
        assertTrue(files.size(RunKeys.log(registry.id(), run.id())).orElseThrow() <= LOG_CAP + 200);
    }

    @Test
    void anAgentCarriesOutAQueuedRunAndRecordsItsImages() throws Exception {
        start(1);
        Run run = runs.schedule(registry, quickRun(RunRequest.DEFAULT_TIMEOUT));

        Run done = finished(run);

        assertEquals(RunStatus.SUCCEEDED, done.status());
        assertTrue(done.started().isPresent() && done.finished().isPresent());
        String log = log(run);
        assertTrue(log.startsWith("Queued a run with ID: ca1\nWaiting for an agent...\n"), log);
        assertTrue(log.contains("Step 2/2 : done\n"), log);
        assertTrue(log.endsWith("Run ID: ca1 was successful after 0s\n"), log);
    }

    @Test
    void aFailedOutcomeEndsTheRunFailedWithItsMessage() throws Exception {
        executor.failingWith("RUN false: exit code 1");
        start(1);
        Run run = runs.schedule(registry, quickRun(RunRequest.DEFAULT_TIMEOUT));

        Run done = finished(run);

        assertEquals(RunStatus.FAILED, done.status());
        assertEquals("RUN false: exit code 1", done.errorMessage());
        assertTrue(log(run).endsWith("Run ID: ca1 failed after 0s. Error: RUN false: exit code 1\n"), log(run));
    }

    @Test
    void twoAgentsCarryOutEachRunOnce() throws Exception {
        executor.taking(Duration.ofMillis(30));
        List<Run> scheduled = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            scheduled.add(runs.schedule(registry, quickRun(RunRequest.DEFAULT_TIMEOUT)));
        }
        start(2);

        for (Run run : scheduled) {
            assertEquals(RunStatus.SUCCEEDED, finished(run).status());
        }
        assertEquals(8, executor.executed().size());
        assertEquals(8, new HashSet<>(executor.executed()).size());
        assertEquals(2, scheduled.stream().map(this::agentOf).distinct().count());
    }

    private String agentOf(Run run) {
        try {
            return runs.get(registry, run.id()).agent().orElseThrow();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aQueuedRunIsCanceledAtOnce() throws Exception {
        Run run = runs.schedule(registry, quickRun(RunRequest.DEFAULT_TIMEOUT));

        Run canceled = runs.cancel(registry, run.id());

        assertEquals(RunStatus.CANCELED, canceled.status());
        start(1);
        Thread.sleep(200);
        assertEquals(List.of(), executor.executed());
        assertTrue(log(run).endsWith("Run ID: ca1 was canceled after 0s\n"), log(run));
    }

    @Test
    void aRunningRunIsStoppedByItsAgentWhenCanceled() throws Exception {
        executor.taking(Duration.ofMinutes(5));
        start(1);
        Run run = runs.schedule(registry, quickRun(RunRequest.DEFAULT_TIMEOUT));
        await(run, r -> r.status() == RunStatus.RUNNING);

        assertEquals(RunStatus.RUNNING, runs.cancel(registry, run.id()).status());
        Run done = finished(run);

        assertEquals(RunStatus.CANCELED, done.status());
        assertTrue(executor.sawCancel());
        assertTrue(log(run).contains("Run ID: ca1 was canceled after"), log(run));
    }

    @Test
    void aRunThatOutlivesItsTimeoutEndsTimeout() throws Exception {
        executor.taking(Duration.ofMinutes(5));
        start(1);
        Run run = runs.schedule(registry, quickRun(Duration.ofSeconds(1)));

        Run done = finished(run);

        assertEquals(RunStatus.TIMEOUT, done.status());
        assertEquals("the run exceeded its timeout of 1s", done.errorMessage());
        long took = Duration.between(
                        done.started().orElseThrow(), done.finished().orElseThrow())
                .toMillis();
        assertTrue(took >= 1000 && took < 5000, "took " + took + " ms");
        assertTrue(log(run).contains("Run ID: ca1 timed out after 1s"), log(run));
    }

    @Test
    void aRunLeftRunningByADeadProcessEndsAsErrorOnRestart() throws Exception {
        Run run = runs.schedule(registry, quickRun(RunRequest.DEFAULT_TIMEOUT));
        Instant now = Instant.now();
        metadata.runs().claim("dead-1", now, now.plusSeconds(3600));

        List<Run> recovered = AgentPool.recoverAfterRestart(metadata.runs(), files, LOG_CAP, Clock.systemUTC());

        assertEquals(List.of(run.id()), recovered.stream().map(Run::id).toList());
        Run ended = runs.get(registry, run.id());
        assertEquals(RunStatus.ERROR, ended.status());
        assertEquals(AgentPool.RESTARTED, ended.errorMessage());
        assertTrue(log(run).contains("failed after 0s. Error: " + AgentPool.RESTARTED), log(run));
    }

    @Test
    void aRunWhoseAgentStoppedRenewingIsFoundByTheReaper() throws Exception {
        Run run = runs.schedule(registry, quickRun(RunRequest.DEFAULT_TIMEOUT));
        Instant now = Instant.now();
        metadata.runs().claim("elsewhere-1", now, now.plusMillis(100));
        start(1);

        Run ended = finished(run);

        assertEquals(RunStatus.ERROR, ended.status());
        assertEquals(AgentPool.LEASE_LOST, ended.errorMessage());
        assertEquals(Optional.of("elsewhere-1"), ended.agent());
    }
}
