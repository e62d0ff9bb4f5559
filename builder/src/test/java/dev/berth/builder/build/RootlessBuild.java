package dev.berth.builder.build;

import dev.berth.builder.image.OciLayoutSource;
import dev.berth.builder.runtime.Cancellation;
import dev.berth.builder.runtime.runc.RuncOptions;
import dev.berth.builder.runtime.runc.RuncRuntime;
import dev.berth.core.egress.EgressPolicy;
import dev.berth.core.egress.OwnAddresses;
import dev.berth.egress.JettyEgress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@link RootlessBuildTest} runs as an ordinary user in a JVM of its own: one build of {@code CONTEXT} from the
 * busybox layout at {@code LAYOUT}, state in {@code STATE}; the image's manifest digest goes to {@code OUT}.
 */
public final class RootlessBuild {
    private RootlessBuild() {}

    public static void main(String[] args) throws Exception {
        Path layout = Path.of(args[0]);
        Path context = Path.of(args[1]);
        Path state = Path.of(args[2]);
        OciLayoutSource base = OciLayoutSource.open(layout);
        ImageBuilder builder = new ImageBuilder(
                new RuncRuntime(RuncOptions.defaults(state.resolve("runc"))),
                state,
                new JettyEgress(EgressPolicy.defaults(new OwnAddresses())));
        BuildResult result =
                builder.build(BuildRequest.of(context), registry -> base, new RecordingLog(), Cancellation.never());
        Files.writeString(Path.of(args[3]), result.manifestDigest().toString());
    }
}
