package dev.berth.tasks.build;

import dev.berth.builder.image.ImageSources;
import dev.berth.core.imports.ImageSource;
import dev.berth.core.imports.ImportService;
import dev.berth.core.imports.ImportSource;
import dev.berth.core.imports.RemoteImageSources;
import dev.berth.core.runs.RegistryCredential;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a run's images come from: its own registry (by its login server, or {@code localhost:<port>} for the
 * default registry) is read directly from the stores; any other registry, including others of this installation,
 * over HTTP like any client, so their access rules hold, signed in with the run's credential for that registry if it
 * has one.
 */
final class InstallationImages implements ImageSources {
    private final RegistryRecord registry;
    private final String loginServer;
    private final boolean isDefault;
    private final ImportService imports;
    private final RemoteImageSources remote;
    private final Map<String, RegistryCredential> credentials;

    InstallationImages(
            RegistryRecord registry,
            String loginServer,
            boolean isDefault,
            ImportService imports,
            RemoteImageSources remote,
            List<RegistryCredential> credentials) {
        this.registry = registry;
        this.loginServer = loginServer;
        this.isDefault = isDefault;
        this.imports = imports;
        this.remote = remote;
        this.credentials = new HashMap<>();
        credentials.forEach(c -> this.credentials.put(c.loginServer(), c));
    }

    @Override
    public ImageSource open(String host) throws IOException {
        if (isOwn(host)) {
            return imports.localSource(registry);
        }
        RegistryCredential credential = credentials.get(host.toLowerCase(Locale.ROOT));
        Optional<ImportSource.Credentials> signIn = credential == null
                ? Optional.empty()
                : Optional.of(new ImportSource.Credentials(credential.username(), credential.password()));
        return remote.open(new ImportSource.Remote(host, signIn));
    }

    /** Whether an image name's host is the run's own registry. */
    boolean isOwn(String host) {
        if (host.equalsIgnoreCase(loginServer)) {
            return true;
        }
        int colon = loginServer.lastIndexOf(':');
        String port = colon < 0 ? "" : loginServer.substring(colon);
        return isDefault && (host.equalsIgnoreCase("localhost" + port) || host.equals("127.0.0.1" + port));
    }
}
