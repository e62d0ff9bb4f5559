package dev.berth.builder.runtime;

import java.io.IOException;

/**
 * The build runtime on {@code runc}: for each run it writes an OCI runtime bundle ({@code config.json}) under {@link
 * RuncOptions#workDir()}, runs {@code runc --root <private state> run --bundle <bundle> <unique id>} with stdin from
 * {@code /dev/null} and stdout and stderr piped to the sink, and removes the bundle and state afterwards.
 *
 * <p>As root it uses runc's ordinary mode; otherwise rootless mode, where a user namespace maps the caller to root
 * inside (only root exists there, so a {@code USER} other than root cannot be switched to). When neither root nor
 * unprivileged user namespaces are available, {@link #check()} and every run fail at once, saying why.
 */
public final class RuncRuntime implements BuildRuntime {

    private final RuncOptions options;

    public RuncRuntime(RuncOptions options) {
        this.options = options;
    }

    @Override
    public RunResult run(RunSpec spec, OutputSink output) throws IOException, InterruptedException {
        throw new BuildRuntimeException("not yet implemented");
    }

    @Override
    public void check() throws BuildRuntimeException {
        throw new BuildRuntimeException("not yet implemented: " + options.runc());
    }
}
