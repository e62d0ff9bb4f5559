package dev.berth.builder.runtime;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A JVM that starts a run that never ends, for {@link RuncShutdownTest}: prints each chunk of output, so the test sees
 * when the container is up. Arguments: the rootfs and the runtime's work directory.
 */
public final class SleepingRun {

    private SleepingRun() {}

    public static void main(String[] args) throws Exception {
        RuncRuntime runtime = new RuncRuntime(RuncOptions.defaults(Path.of(args[1])));
        runtime.run(
                RunSpec.of(Path.of(args[0]), List.of("sh", "-c", "echo started; sleep 7654321")), (channel, chunk) -> {
                    System.out.print(new String(chunk, StandardCharsets.UTF_8));
                    System.out.flush();
                });
    }
}
