package dev.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.builder.layer.LayerUnpacker;
import dev.berth.builder.layer.RootPath;
import dev.berth.builder.runtime.RunResult;
import dev.berth.builder.runtime.RunSpec;
import dev.berth.builder.runtime.runc.RuncOptions;
import dev.berth.builder.runtime.runc.RuncRuntime;
import dev.berth.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6's proof, through the CLI alone: skopeo pushes busybox; {@code berth build} uploads a context and the
 * server's agent builds a multi-stage Dockerfile (RUN, COPY --from, ARG, ENV, USER, WORKDIR) with runc and pushes it;
 * skopeo pulls the result, which runs with runc and prints what the build wrote; a rebuild takes every step from the
 * cache; a failing build ends Failed, with its line, and pushes nothing.
 */
@Timeout(600)
class BuildEndToEndTest {
    private static final String PASSWORD = "build-admin-pw";
    private static final Pattern DIGEST = Pattern.compile("Image digest: (sha256:[0-9a-f]{64})");

    private static final String OTHER_PASSWORD = "other-registry-pw";

    @RegisterExtension
    static final EmbeddedBerth berth = EmbeddedBerth.create(
            Map.of("auth.enabled", "true", "auth.adminPassword", PASSWORD, "imports.insecureRegistries", "127.0.0.1"));

    /** Another registry, which wants its own credentials: where a build's base image may come from. */
    @RegisterExtension
    static final EmbeddedBerth other = EmbeddedBerth.withAuth(OTHER_PASSWORD);

    @TempDir
    Path dir;

    @Test
    void buildsPushesRunsAndRebuildsFromTheCache() throws Exception {
        String base = pushBusybox();
        Path context = context(base, "echo \"$1 from the build stage\"\n");

        Command.Result first = build(context, "hello/app:{{.Run.ID}}", "hello/app:latest");
        assertTrue(first.out().contains("was successful"), first.describe());
        String digest = digest(first);

        Path pulled = dir.resolve("pulled");
        Skopeo.run(
                "copy",
                "--src-tls-verify=false",
                "--src-creds",
                "admin:" + PASSWORD,
                "docker://" + berth.host() + "/hello/app:latest",
                "oci:" + pulled + ":latest");
        assertEquals("hi from the build stage\n", runPulled(pulled));

        Command.Result again = build(context, "hello/app:again");
        assertEquals(digest, digest(again), again.out());
        assertTrue(again.out().contains("(0 steps run,"), again.out());

        JsonNode runs = Json.parse(
                BerthCli.run("run", "list", "-r", "default", "-o", "json").stdout());
        assertEquals("Succeeded", runs.get(0).at("/properties/status").asText(), runs.toString());
    }

    @Test
    void aFailingBuildEndsFailedAndPushesNothing() throws Exception {
        String base = pushBusybox();
        Path context = Files.createDirectories(dir.resolve("failing"));
        Files.writeString(context.resolve("Dockerfile"), "FROM " + base + "\nRUN echo about to fail\nRUN exit 7\n");

        Command.Result result = BerthCli.attempt("build", "-r", "default", "-t", "broken/app:1", context.toString());

        assertNotEquals(0, result.exitCode(), result.describe());
        assertTrue(result.out().contains("Dockerfile:3"), result.out());
        assertTrue(result.out().contains("exit code 7"), result.out());
        Command.Result inspect = Skopeo.attempt(
                "inspect",
                "--tls-verify=false",
                "--creds",
                "admin:" + PASSWORD,
                "docker://" + berth.host() + "/broken/app:1");
        assertNotEquals(0, inspect.exitCode(), "a failed build pushed its tag");
    }

    @Test
    void aBuildPastItsTimeoutIsStoppedAndPushesNothing() throws Exception {
        String base = pushBusybox();
        Path context = Files.createDirectories(dir.resolve("slow"));
        Files.writeString(context.resolve("Dockerfile"), "FROM " + base + "\nRUN sleep 600\n");

        long started = System.nanoTime();
        Command.Result result =
                BerthCli.attempt("build", "-r", "default", "-t", "slow/app:1", "--timeout", "5", context.toString());
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;

        assertNotEquals(0, result.exitCode(), result.describe());
        assertTrue(seconds < 45, "the run took " + seconds + " s to stop");
        JsonNode runs = Json.parse(
                BerthCli.run("run", "list", "-r", "default", "-o", "json").stdout());
        assertEquals("Timeout", runs.get(0).at("/properties/status").asText(), runs.toString());
        Command.Result inspect = Skopeo.attempt(
                "inspect",
                "--tls-verify=false",
                "--creds",
                "admin:" + PASSWORD,
                "docker://" + berth.host() + "/slow/app:1");
        assertNotEquals(0, inspect.exitCode(), "a timed-out build pushed its tag");
    }

    @Test
    void aBaseImageFromAnotherRegistryIsReadWithTheRunsCredential() throws Exception {
        BerthCli.run("login", berth.host(), "-u", "admin", "-p", PASSWORD, "--insecure");
        String base = other.host() + "/base/busybox:1";
        Skopeo.run(
                "copy",
                "--dest-tls-verify=false",
                "--dest-creds",
                "admin:" + OTHER_PASSWORD,
                TestImages.busybox().reference(),
                "docker://" + base);
        Path context = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(context.resolve("Dockerfile"), "FROM " + base + "\nRUN echo built on a private base\n");

        Command.Result refused = BerthCli.attempt("build", "-r", "default", "-t", "private/app:1", context.toString());
        assertNotEquals(0, refused.exitCode(), refused.describe());
        assertTrue(refused.out().contains("Dockerfile:1"), refused.out());

        Command.Result built = BerthCli.run(
                "build",
                "-r",
                "default",
                "-t",
                "private/app:1",
                "--registry-credential",
                other.host() + "=admin:" + OTHER_PASSWORD,
                context.toString());
        assertTrue(built.out().contains("built on a private base"), built.out());
        JsonNode run = Json.parse(BerthCli.run("run", "list", "-r", "default", "--top", "1", "-o", "json")
                .stdout());
        assertTrue(!run.toString().contains(OTHER_PASSWORD), "the credential's password was shown: " + run);
    }

    @Test
    void aQuickRunStreamsItsContainersOutput() {
        String base = pushBusybox();

        Command.Result ran =
                BerthCli.run("run", "-r", "default", "--cmd", base + " echo hello from a run", "/dev/null");
        assertTrue(ran.out().contains("hello from a run"), ran.out());

        Command.Result failed =
                BerthCli.attempt("run", "-r", "default", "--cmd", base + " sh -c 'exit 4'", "/dev/null");
        assertNotEquals(0, failed.exitCode(), failed.describe());
        assertTrue(failed.out().contains("exited with code 4"), failed.out());
    }

    private String pushBusybox() {
        BerthCli.run("login", berth.host(), "-u", "admin", "-p", PASSWORD, "--insecure");
        String base = berth.host() + "/base/busybox:1";
        Skopeo.run(
                "copy",
                "--dest-tls-verify=false",
                "--dest-creds",
                "admin:" + PASSWORD,
                TestImages.busybox().reference(),
                "docker://" + base);
        return base;
    }

    private Path context(String base, String script) throws Exception {
        Path context = Files.createDirectories(dir.resolve("context"));
        Files.writeString(context.resolve("greet.sh"), script);
        Files.writeString(context.resolve(".dockerignore"), "secret.txt\n");
        Files.writeString(context.resolve("secret.txt"), "not for the image\n");
        Files.writeString(context.resolve("Dockerfile"), """
                ARG BASE=%s
                FROM $BASE AS build
                ARG GREETING=hello
                ENV OUT=/out
                WORKDIR /src
                COPY . .
                RUN test ! -e secret.txt && mkdir -p $OUT && sh greet.sh "$GREETING" > $OUT/message

                FROM $BASE
                ENV APP_HOME=/app
                WORKDIR $APP_HOME
                COPY --from=build /out/message ./message
                RUN echo 'app:x:1000:1000::/app:/bin/sh' >> /etc/passwd && chown 1000 /app
                USER app
                CMD ["cat", "/app/message"]
                """.formatted(base));
        return context;
    }

    private static Command.Result build(Path context, String... tags) {
        List<String> args = new ArrayList<>(List.of("build", "-r", "default", "--build-arg", "GREETING=hi"));
        for (String tag : tags) {
            args.add("-t");
            args.add(tag);
        }
        args.add(context.toString());
        return BerthCli.run(args.toArray(String[]::new));
    }

    private static String digest(Command.Result result) {
        Matcher matcher = DIGEST.matcher(result.out());
        assertTrue(matcher.find(), result.out());
        return matcher.group(1);
    }

    /** Unpacks the pulled image and runs its CMD as its USER with runc. */
    private String runPulled(Path layout) throws Exception {
        OciLayout image = new OciLayout(layout);
        JsonNode manifest = Json.parse(image.topBytes());
        JsonNode config = Json.parse(image.blob(manifest.at("/config/digest").asText()));
        Path rootfs = Files.createDirectories(dir.resolve("rootfs"));
        List<Path> layers = new ArrayList<>();
        for (JsonNode layer : manifest.path("layers")) {
            layers.add(layout.resolve("blobs")
                    .resolve(layer.path("digest").asText().replace(':', '/')));
        }
        LayerUnpacker.forLayers().applyAll(layers, RootPath.of(rootfs));
        List<String> cmd = new ArrayList<>();
        config.at("/config/Cmd").forEach(c -> cmd.add(c.asText()));
        List<String> env = new ArrayList<>();
        config.at("/config/Env").forEach(e -> env.add(e.asText()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RunResult result = new RuncRuntime(RuncOptions.defaults(dir.resolve("runc")))
                .run(
                        RunSpec.of(rootfs, cmd)
                                .withEnv(env)
                                .withUser(config.at("/config/User").asText())
                                .withWorkingDir(config.at("/config/WorkingDir").asText()),
                        (channel, chunk) -> out.writeBytes(chunk));
        String output = out.toString(StandardCharsets.UTF_8);
        assertTrue(result.succeeded(), output);
        return output;
    }
}
