package dev.berth.server;

import dev.berth.builder.runtime.BuildRuntimeException;
import dev.berth.builder.runtime.runc.HostIdSlots;
import dev.berth.builder.runtime.runc.RuncOptions;
import dev.berth.builder.runtime.runc.RuncRuntime;
import dev.berth.client.imports.HttpImageSources;
import dev.berth.core.egress.Egress;
import dev.berth.core.imports.ImportService;
import dev.berth.core.installation.Registries;
import dev.berth.core.spi.RegistryStore;
import dev.berth.server.config.BerthConfig;
import dev.berth.tasks.RunExecutor;
import dev.berth.tasks.build.BuildRunExecutor;
import dev.berth.tasks.build.RegistryBuilders;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The image builder of the embedded agent: runc over root filesystems under {@code <data>/builder}, which also holds
 * the layer cache and the blobs of base images and built layers, sandboxed as the configuration says (limits by the
 * registry's tier, host id ranges). It logs once which sandbox mechanisms this host allows; when runc cannot work
 * here, Berth still starts and says so once; each build then fails with the reason. {@code ADD <url>} goes out through
 * the installation's egress; base images through one that also lets the installation's own login servers reach its
 * ports, so that a build can start from another registry of this installation, read over HTTP under that registry's
 * access rules.
 */
final class BuilderWiring {
    private static final System.Logger LOG = System.getLogger("berth.builder");

    private BuilderWiring() {}

    static RunExecutor executor(
            Path dataDir,
            ImportService imports,
            RegistryStore registryStore,
            Registries registries,
            HttpImageSources.Settings remote,
            BerthConfig.Sandbox sandbox,
            Egress egress,
            Egress baseImages)
            throws IOException {
        Path state = dataDir.resolve("builder");
        RuncRuntime runtime = new RuncRuntime(RuncOptions.defaults(state.resolve("runc"))
                .withHostIds(new HostIdSlots(sandbox.hostIdFirst(), sandbox.hostIdRanges())));
        try {
            LOG.log(System.Logger.Level.INFO, runtime.sandboxDescription());
        } catch (BuildRuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "builds and runs will fail on this machine: " + e.getMessage());
        }
        return new BuildRunExecutor(
                new RegistryBuilders(runtime, state, egress),
                imports,
                registryStore,
                registries::loginServer,
                registries.defaultName(),
                new HttpImageSources(remote, baseImages),
                sandbox.limits());
    }
}
