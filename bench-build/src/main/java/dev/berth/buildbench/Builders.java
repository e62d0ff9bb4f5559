package dev.berth.buildbench;

import dev.berth.builder.build.BuildLog;
import dev.berth.builder.build.BuildRequest;
import dev.berth.builder.build.BuildResult;
import dev.berth.builder.build.ImageBuilder;
import dev.berth.builder.image.ImageSources;
import dev.berth.builder.runtime.Cancellation;
import dev.berth.builder.runtime.OutputSink;
import dev.berth.builder.runtime.runc.RuncOptions;
import dev.berth.builder.runtime.runc.RuncRuntime;
import dev.berth.client.imports.HttpImageSources;
import dev.berth.core.egress.Egress;
import dev.berth.core.egress.EgressPolicy;
import dev.berth.core.imports.ImportSource;
import dev.berth.egress.JettyEgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The two builders, each building the context into a state directory and returning how long it took. */
final class Builders {
    private Builders() {}

    /** A build with Berth's builder library, base images over HTTP from the local registry. */
    static BuildResult berth(Path context, Path state, String registry) throws Exception {
        Egress loopback = new JettyEgress(EgressPolicy.allowing("127.0.0.0/8"));
        HttpImageSources remote = new HttpImageSources(
                new HttpImageSources.Settings(
                        dev.berth.client.Trust.system(), List.of("127.0.0.1"), Duration.ofSeconds(60)),
                loopback);
        ImageSources sources = host -> remote.open(new ImportSource.Remote(host, Optional.empty()));
        ImageBuilder builder =
                new ImageBuilder(new RuncRuntime(RuncOptions.defaults(state.resolve("runc"))), state, loopback);
        BuildLog quiet = new BuildLog() {
            @Override
            public void line(String text) {}

            @Override
            public OutputSink processOutput() {
                return OutputSink.discard();
            }
        };
        return builder.build(BuildRequest.of(context), sources, quiet, Cancellation.never());
    }

    /** A build with buildah bud: vfs storage, chroot isolation, layer caching on, in its own storage root. */
    static void buildah(Path context, Path state, Map<String, String> env) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                "buildah",
                "--root",
                state.resolve("root").toString(),
                "--runroot",
                state.resolve("runroot").toString(),
                "--storage-driver",
                "vfs",
                "bud",
                "--isolation",
                "chroot",
                "--layers",
                "--tls-verify=false",
                "--quiet"));
        String policy = env.get("BERTH_SIGNATURE_POLICY");
        if (policy != null) {
            command.addAll(List.of("--signature-policy", policy));
        }
        command.addAll(List.of("-t", "bench/built:1", context.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Path log = Files.createTempFile(state, "buildah-", ".log");
        Process process = builder.redirectOutput(log.toFile()).start();
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException("buildah failed:\n" + Files.readString(log));
        }
    }
}
