package dev.berth.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.tasks.ScriptedExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** berth build, berth run and berth run list|show|logs|cancel against a real Berth with a scripted executor. */
class RunCommandsTest {
    static final ScriptedExecutor executor = new ScriptedExecutor();

    @RegisterExtension
    static final RunningBerth berth = new RunningBerth(Map.of("runs.maxLogSize", "4KiB"), executor);

    private final Cli cli = berth.cli();

    @TempDir
    Path context;

    @BeforeAll
    static void aRegistry() {
        berth.cli().ok("create", "-n", "quick", "--sku", "Basic");
    }

    private void aContext() throws IOException {
        Files.writeString(context.resolve("Dockerfile"), "FROM busybox\n");
        Files.writeString(context.resolve("app.txt"), "app\n");
        Files.writeString(context.resolve("secret.env"), "TOKEN=x\n");
        Files.createDirectories(context.resolve(".git"));
        Files.writeString(context.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.createDirectories(context.resolve("logs"));
        Files.writeString(context.resolve("logs/keep.log"), "kept\n");
        Files.writeString(context.resolve("logs/drop.log"), "dropped\n");
        Files.writeString(context.resolve(".dockerignore"), "*.env\nlogs\n!logs/keep.log\n");
    }

    @Test
    void aLocalContextIsPackedUploadedBuiltAndItsLogStreamed() throws IOException {
        aContext();

        Cli.Result built = cli.ok(
                "build",
                "-r",
                "quick",
                "-t",
                "app:{{.Run.ID}}",
                "--build-arg",
                "SLEEP_MS=300",
                "--secret-build-arg",
                "TOKEN=s3cret",
                context.toString());

        assertTrue(built.err().contains("Packing source code into tar to upload..."), built::describe);
        assertTrue(built.err().contains("Uploading archived source code from"), built::describe);
        String id = built.out().lines().findFirst().orElseThrow().replace("Queued a run with ID: ", "");
        assertTrue(
                built.out().contains("Queued a run with ID: " + id + "\nWaiting for an agent...\n"), built::describe);
        assertTrue(
                built.out().contains("context holds [.dockerignore, Dockerfile, app.txt, logs/keep.log]"),
                built::describe);
        assertTrue(built.out().contains("Run ID: " + id + " was successful after"), built::describe);
        assertTrue(built.out().contains("app:" + id), built::describe);
        assertTrue(built.out().contains("sha256:" + "0".repeat(64)), built::describe);
        JsonNode shown = cli.ok("run", "show", "-r", "quick", "--run-id", id, "-o", "json")
                .json();
        assertEquals("*****", shown.at("/properties/request/arguments/1/value").asText());
    }

    @Test
    void aFailedBuildEndsWithExitCode7AndTheReason() throws IOException {
        aContext();

        Cli.Result failed = cli.run(
                "build",
                "-r",
                "quick",
                "-t",
                "app:bad",
                "--build-arg",
                "FAIL=RUN false: exit code 1",
                context.toString());

        assertEquals(7, failed.exit(), failed::describe);
        assertTrue(failed.out().contains("failed after"), failed::describe);
        assertTrue(failed.err().contains("ended Failed: RUN false: exit code 1"), failed::describe);
    }

    @Test
    void buildWithJsonOutputPrintsOnlyTheFinalRunOnStandardOutput() throws IOException {
        aContext();

        Cli.Result built = cli.ok(
                "build",
                "-r",
                "quick",
                "-t",
                "app:json",
                "-o",
                "json",
                "--platform",
                "linux/arm64/v8",
                context.toString());

        JsonNode run = built.json();
        assertEquals("Succeeded", run.at("/properties/status").asText());
        assertEquals("v8", run.at("/properties/platform/variant").asText());
        assertTrue(built.err().contains("was successful"), built::describe);
    }

    @Test
    void aQuickRunStreamsItsOutputAndIsListed() {
        Cli.Result ran = cli.ok("run", "-r", "quick", "--cmd", "busybox echo hello", "/dev/null");
        String id = ran.out().lines().findFirst().orElseThrow().replace("Queued a run with ID: ", "");

        List<List<String>> listed =
                cli.ok("run", "list", "-r", "quick", "--top", "1").rows();
        Cli.Result logs = cli.ok("run", "logs", "-r", "quick", "--run-id", id);

        assertEquals(id, listed.getFirst().getFirst());
        assertEquals("QuickRun", listed.getFirst().get(1));
        assertTrue(logs.out().startsWith("Queued a run with ID: " + id), logs::describe);
        assertTrue(logs.out().contains("was successful"), logs::describe);
    }

    @Test
    void noWaitReturnsTheQueuedRunWhichCanThenBeCanceled() {
        JsonNode queued = cli.ok("run", "-r", "quick", "--cmd", "sleep 60000", "--no-wait", "-o", "json")
                .json();
        String id = queued.path("name").asText();

        cli.ok("run", "cancel", "-r", "quick", "--run-id", id);
        Cli.Result followed = cli.run("run", "logs", "-r", "quick", "--run-id", id);

        assertTrue(followed.out().contains("Run ID: " + id + " was canceled"), followed::describe);
        List<List<String>> canceled =
                cli.ok("run", "list", "-r", "quick", "--status", "Canceled").rows();
        assertFalse(canceled.isEmpty());
    }

    @Test
    void aRunOutlivingItsTimeoutEndsTimeout() {
        Cli.Result timedOut = cli.run("run", "-r", "quick", "--cmd", "sleep 60000", "--timeout", "1", "--no-logs");

        assertEquals(7, timedOut.exit(), timedOut::describe);
        assertTrue(timedOut.err().contains("ended Timeout"), timedOut::describe);
    }

    @Test
    void mistakesAreUsageErrors() {
        assertEquals(2, cli.run("build", "-r", "quick", ".").exit(), "no image and no --no-push");
        assertEquals(
                2, cli.run("build", "-r", "quick", "-t", "a:1", "/no/such/dir").exit());
        assertEquals(2, cli.run("run", "-r", "quick").exit(), "no --cmd");
        assertEquals(
                5, cli.run("run", "show", "-r", "quick", "--run-id", "ca999").exit());
    }

    @Test
    void aRunIsDeletedOnceEndedAfterAskingOrWithYes() {
        String id = cli.ok("run", "-r", "quick", "--cmd", "sleep 60000", "--no-wait", "-o", "json")
                .json()
                .path("name")
                .asText();

        Cli.Result whileQueuedOrRunning = cli.run("run", "delete", "-r", "quick", "--run-id", id, "--yes");
        cli.ok("run", "cancel", "-r", "quick", "--run-id", id);
        cli.run("run", "logs", "-r", "quick", "--run-id", id);
        Cli.Result no = cli.typing("n\n").run("run", "delete", "-r", "quick", "--run-id", id);
        boolean stillThere =
                cli.run("run", "show", "-r", "quick", "--run-id", id).exit() == 0;
        Cli.Result yes = cli.typing("y\n").run("run", "delete", "-r", "quick", "--run-id", id);

        assertEquals(6, whileQueuedOrRunning.exit(), whileQueuedOrRunning::describe);
        assertTrue(whileQueuedOrRunning.err().contains("cancel it"), whileQueuedOrRunning::describe);
        assertEquals(1, no.exit(), no::describe);
        assertTrue(stillThere);
        assertEquals(0, yes.exit(), yes::describe);
        assertTrue(yes.err().contains("deleted run '" + id + "'"), yes::describe);
        assertEquals(5, cli.run("run", "show", "-r", "quick", "--run-id", id).exit());
        assertEquals(
                5,
                cli.run("run", "delete", "-r", "quick", "--run-id", id, "--yes").exit());
    }

    @Test
    void aLogFarPastItsCapIsFollowedToItsEndAndReadBackAsItsTail() {
        Cli.Result ran = cli.ok("run", "-r", "quick", "--cmd", "print 300000", "/dev/null");
        String id = ran.out()
                .lines()
                .filter(line -> line.startsWith("Queued a run with ID: "))
                .findFirst()
                .map(line -> line.substring("Queued a run with ID: ".length()))
                .orElseGet(() -> cli.ok("run", "list", "-r", "quick", "--top", "1")
                        .rows()
                        .get(0)
                        .get(0));
        Cli.Result logs = cli.ok("run", "logs", "-r", "quick", "--run-id", id);

        assertTrue(ran.out().contains("Run ID: " + id + " was successful after "), ran::describe);
        assertTrue(logs.out().startsWith("[berth: log truncated: the first "), logs::describe);
        assertTrue(logs.out().contains("Run ID: " + id + " was successful after "), logs::describe);
        assertTrue(logs.out().length() < 4096 + 200, "kept " + logs.out().length());
    }
}
