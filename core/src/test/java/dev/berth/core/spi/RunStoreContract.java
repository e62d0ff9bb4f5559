package dev.berth.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.runs.OutputImage;
import dev.berth.core.runs.Platform;
import dev.berth.core.runs.RegistryCredential;
import dev.berth.core.runs.Run;
import dev.berth.core.runs.RunArgument;
import dev.berth.core.runs.RunIds;
import dev.berth.core.runs.RunRequest;
import dev.berth.core.runs.RunStatus;
import dev.berth.core.runs.RunType;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every metadata store's {@link RunStore} must do, the queue included. */
public abstract class RunStoreContract {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    protected Path dir;

    private MetadataStore metadata;
    private RunStore runs;
    private RegistryRecord registry;

    protected abstract MetadataStore open(Path dir) throws IOException;

    @BeforeEach
    void openStore() throws IOException {
        metadata = open(dir);
        runs = metadata.runs();
        registry = metadata.registries().getOrCreate("default");
    }

    @AfterEach
    void closeStore() throws IOException {
        metadata.close();
    }

    static RunRequest build(String... images) {
        return new RunRequest(
                RunType.QUICK_BUILD,
                List.of(images),
                true,
                false,
                "Dockerfile",
                "",
                List.of(new RunArgument("TOKEN", "s3cret", true)),
                new Platform("linux", "arm64", "v8"),
                "source/x.tar.gz",
                Duration.ofSeconds(600),
                "",
                "",
                List.of(new RegistryCredential("mirror.example:5000", "puller", "pull-secret")));
    }

    private Run queue(Instant at) throws IOException {
        Run run = Run.queued(registry.id(), RunIds.of(runs.nextNumber(registry.id())), build("app:1"), at);
        runs.insert(run);
        return run;
    }

    @Test
    void runsThatEndedBeforeATimeAreFoundOldestEndFirstAcrossRegistries() throws IOException {
        Run live = queue(T0);
        Run late = queue(T0);
        Run early = queue(T0);
        runs.cancel(registry.id(), late.id(), T0.plusSeconds(10));
        runs.cancel(registry.id(), early.id(), T0.plusSeconds(3));

        assertEquals(List.of(early.id()), ids(runs.endedBefore(T0.plusSeconds(5), 10)));
        assertEquals(List.of(early.id(), late.id()), ids(runs.endedBefore(T0.plusSeconds(60), 10)));
        assertEquals(List.of(early.id()), ids(runs.endedBefore(T0.plusSeconds(60), 1)));
        assertFalse(ids(runs.endedBefore(T0.plusSeconds(600), 10)).contains(live.id()));
    }

    @Test
    void numbersCountUpPerRegistryAndAreNeverReused() throws IOException {
        RegistryRecord other = metadata.registries().getOrCreate("other");
        Run first = queue(T0);
        assertTrue(runs.delete(registry.id(), first.id()));

        assertEquals(2, runs.nextNumber(registry.id()));
        assertEquals(1, runs.nextNumber(other.id()));
    }

    @Test
    void aRunIsStoredWithEveryField() throws IOException {
        Run run = queue(T0);

        assertEquals(Optional.of(run), runs.find(registry.id(), run.id()));
        assertEquals(Optional.empty(), runs.find(registry.id(), "ca99"));
    }

    @Test
    void runsAreListedNewestFirstByStatusAndCount() throws IOException {
        Run first = queue(T0);
        Run second = queue(T0.plusSeconds(1));
        Run third = queue(T0.plusSeconds(2));
        runs.cancel(registry.id(), second.id(), T0.plusSeconds(3));

        assertEquals(List.of(third.id(), second.id()), ids(runs.list(registry.id(), Optional.empty(), 2)));
        assertEquals(List.of(third.id(), first.id()), ids(runs.list(registry.id(), Optional.of(RunStatus.QUEUED), 10)));
    }

    @Test
    void anAgentClaimsTheOldestQueuedRun() throws IOException {
        Run first = queue(T0);
        queue(T0.plusSeconds(1));

        Run claimed =
                runs.claim("agent-1", T0.plusSeconds(5), T0.plusSeconds(35)).orElseThrow();

        assertEquals(first.id(), claimed.id());
        assertEquals(RunStatus.RUNNING, claimed.status());
        assertEquals(Optional.of(T0.plusSeconds(5)), claimed.started());
        assertEquals(Optional.of("agent-1"), claimed.agent());
        assertEquals(Optional.of(T0.plusSeconds(35)), claimed.leaseUntil());
    }

    @Test
    void concurrentAgentsClaimEachRunOnce() throws Exception {
        for (int i = 0; i < 20; i++) {
            queue(T0.plusMillis(i));
        }
        List<String> claimed = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<?>> agents = new ArrayList<>();
            for (String agent : List.of("a", "b")) {
                agents.add(pool.submit(() -> {
                    for (Optional<Run> run; (run = runs.claim(agent, T0, T0.plusSeconds(30))).isPresent(); ) {
                        claimed.add(run.get().id());
                    }
                    return null;
                }));
            }
            for (Future<?> agent : agents) {
                agent.get();
            }
        }
        assertEquals(20, claimed.size());
        assertEquals(20, claimed.stream().distinct().count());
    }

    @Test
    void onlyTheHolderRenewsAndFinishesARun() throws IOException {
        queue(T0);
        Run claimed = runs.claim("a", T0, T0.plusSeconds(30)).orElseThrow();

        assertTrue(
                runs.renew(registry.id(), claimed.id(), "b", T0.plusSeconds(60)).isEmpty());
        Run renewed =
                runs.renew(registry.id(), claimed.id(), "a", T0.plusSeconds(60)).orElseThrow();
        assertEquals(Optional.of(T0.plusSeconds(60)), renewed.leaseUntil());

        OutputImage image = new OutputImage("r.localhost", "app", "1", "sha256:" + "a".repeat(64));
        Run done = claimed.finish(RunStatus.SUCCEEDED, List.of(image), "", T0.plusSeconds(9));
        assertTrue(runs.finish(done));
        assertFalse(runs.finish(done));
        Run stored = runs.find(registry.id(), claimed.id()).orElseThrow();
        assertEquals(RunStatus.SUCCEEDED, stored.status());
        assertEquals(List.of(image), stored.outputImages());
        assertEquals(Optional.of(T0.plusSeconds(9)), stored.finished());
        assertEquals(Optional.empty(), stored.leaseUntil());
    }

    @Test
    void cancelEndsAQueuedRunAtOnceAndAsksARunningOneToStop() throws IOException {
        Run running = queue(T0);
        Run queued = queue(T0.plusSeconds(1));
        runs.claim("a", T0, T0.plusSeconds(30));

        Run canceled =
                runs.cancel(registry.id(), queued.id(), T0.plusSeconds(2)).orElseThrow();
        Run asked = runs.cancel(registry.id(), running.id(), T0.plusSeconds(2)).orElseThrow();

        assertEquals(RunStatus.CANCELED, canceled.status());
        assertEquals(Optional.of(T0.plusSeconds(2)), canceled.finished());
        assertEquals(RunStatus.RUNNING, asked.status());
        assertTrue(asked.cancelRequested());
        assertTrue(runs.renew(registry.id(), running.id(), "a", T0.plusSeconds(60))
                .orElseThrow()
                .cancelRequested());
        assertTrue(runs.cancel(registry.id(), "ca99", T0).isEmpty());
        assertTrue(runs.claim("b", T0, T0.plusSeconds(30)).isEmpty());
    }

    @Test
    void runsWhoseLeaseRanOutEndAsError() throws IOException {
        queue(T0);
        queue(T0);
        Run stale = runs.claim("a", T0, T0.plusSeconds(30)).orElseThrow();
        Run fresh = runs.claim("b", T0, T0.plusSeconds(90)).orElseThrow();

        List<Run> ended = runs.abandon(T0.plusSeconds(60), "the agent stopped", T0.plusSeconds(60));

        assertEquals(List.of(stale.id()), ids(ended));
        Run stored = runs.find(registry.id(), stale.id()).orElseThrow();
        assertEquals(RunStatus.ERROR, stored.status());
        assertEquals("the agent stopped", stored.errorMessage());
        assertEquals(
                RunStatus.RUNNING,
                runs.find(registry.id(), fresh.id()).orElseThrow().status());
    }

    @Test
    void theStoreKeepsRunsAcrossARestart() throws IOException {
        Run run = queue(T0);
        metadata.close();
        metadata = open(dir);
        runs = metadata.runs();

        assertEquals(Optional.of(run), runs.find(registry.id(), run.id()));
    }

    private static List<String> ids(List<Run> list) {
        return list.stream().map(Run::id).toList();
    }
}
