package dev.berth.server;

import dev.berth.auth.Argon2PasswordHasher;
import dev.berth.client.Trust;
import dev.berth.client.imports.HttpImageSources;
import dev.berth.core.auth.PasswordHasher;
import dev.berth.core.egress.Egress;
import dev.berth.core.egress.EgressPolicy;
import dev.berth.core.egress.OwnAddresses;
import dev.berth.core.imports.ImportService;
import dev.berth.core.installation.Management;
import dev.berth.core.installation.Registries;
import dev.berth.core.registry.DataPlane;
import dev.berth.core.spi.BlobStore;
import dev.berth.core.spi.MetadataStore;
import dev.berth.core.spi.RegistryStore;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.core.throttle.Throttle;
import dev.berth.core.tier.RequestRates;
import dev.berth.core.tier.Tier;
import dev.berth.core.tier.TierCatalog;
import dev.berth.core.webhooks.delivery.WebhookDispatcher;
import dev.berth.egress.JettyEgress;
import dev.berth.http.acr.AcrApi;
import dev.berth.http.manage.ManagementApi;
import dev.berth.http.oci.OciApi;
import dev.berth.http.server.Endpoint;
import dev.berth.http.server.HttpServer;
import dev.berth.http.server.SlowClients;
import dev.berth.metadata.sqlite.SqliteMetadataStore;
import dev.berth.server.config.BerthConfig;
import dev.berth.storage.fs.FilesystemBlobStore;
import dev.berth.tasks.RunExecutor;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The composition root: the one place that knows every implementation. Opens the storage under the data directory,
 * makes sure the default registry exists, wires the data plane to the HTTP server and starts the background work.
 * Closing it shuts everything down in reverse order, letting requests in flight finish first.
 */
public final class Berth implements Closeable {
    private static final System.Logger LOG = System.getLogger("berth");

    private final List<Closeable> resources = new ArrayList<>();
    private final HttpServer http;
    private final Path dataDir;
    private final RegistryStore registryStore;
    private final ImportService imports;

    private Berth(BerthConfig config, RunExecutor executor) throws Exception {
        this.dataDir = config.storage().dataDir().toAbsolutePath().normalize();
        try {
            resources.add(DataDirLock.acquire(dataDir));
            BlobStore blobs = track(new FilesystemBlobStore(dataDir));
            Clock clock = Clock.systemUTC();
            MetadataStore metadata = track(SqliteMetadataStore.open(dataDir.resolve("berth.db"), clock));
            RegistryRecord defaultRegistry =
                    metadata.registries().getOrCreate(config.registry().defaultName());
            DataPlane dataPlane = DataPlane.create(blobs, metadata, clock, config.tiers());
            registryStore = metadata.registries();
            OwnAddresses own = ownAddresses(config);
            EgressPolicy policy = new EgressPolicy(config.egress(), own);
            Egress egress = new JettyEgress(policy);
            imports = new ImportService(
                    dataPlane, registryStore, new HttpImageSources(importSettings(config.imports()), egress));
            track(UploadJanitor.start(dataPlane.uploads(), config.uploads()));
            track(PullTimeFlusher.start(dataPlane.pulls()));
            track(EventLogger.start(metadata.events(), dataPlane.events()));
            track(WebhookDispatcher.start(
                    metadata.events(),
                    metadata.webhooks(),
                    dataPlane.events(),
                    egress,
                    webhookSettings(config.webhooks()),
                    clock));
            track(HistoryPruner.start(
                    metadata.events(),
                    metadata.webhooks(),
                    new HistoryPruner.Retention(
                            config.events().retention(), config.webhooks().historyRetention()),
                    clock));
            Registries registries = new Registries(
                    metadata.registries(),
                    config.registry().domain(),
                    defaultRegistry.name(),
                    () -> publicPort(config),
                    clock);
            PasswordHasher hasher = new Argon2PasswordHasher();
            Security security = Security.wire(
                    config.auth(),
                    metadata,
                    hasher,
                    defaultRegistry,
                    registries,
                    dataDir,
                    new Throttle(throttled(config), clock));
            Management management = Management.create(
                    metadata,
                    registries,
                    config.tiers(),
                    registryId -> metadata.usage().registry(registryId).totalBytes(),
                    hasher,
                    clock,
                    security::credentialsChanged,
                    egress);
            List<Endpoint> endpoints = new ArrayList<>(security.endpoints());
            endpoints.add(new AcrApi(registries, metadata.registries(), dataPlane, security.gate()));
            RunExecutor runExecutor = executor != null
                    ? executor
                    : BuilderWiring.executor(
                            dataDir,
                            imports,
                            registryStore,
                            registries,
                            importSettings(config.imports()),
                            config.sandbox(),
                            egress,
                            new JettyEgress(
                                    policy.allowingOwnPortsFor(config.registry().domain())));
            RunsWiring runs = track(RunsWiring.start(
                    config.tasks(), config.runs(), metadata, dataDir, registries, runExecutor, egress, clock));
            endpoints.add(new ManagementApi(management, security.managementGate(), imports, runs.routes()));
            endpoints.add(new OciApi(registries, dataPlane, security.gate()));
            http = new HttpServer(httpSettings(config.server()), slowClients(config.server()), endpoints);
            http.start();
            resources.add(http);
            own.listensOn(http.address().getPort());
            http.tlsAddress().ifPresent(address -> own.listensOn(address.getPort()));
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    /** Starts Berth with the given configuration, builds run by the builder on runc; the returned instance is serving. */
    public static Berth start(BerthConfig config) throws Exception {
        return new Berth(config, null);
    }

    /** Starts Berth with the given configuration, its agents carrying out runs with the executor. */
    public static Berth start(BerthConfig config, RunExecutor executor) throws Exception {
        return new Berth(config, executor);
    }

    /**
     * The ports this server is reached on, as far as they are known before it listens (a port of 0 is added once
     * chosen): the plain and HTTPS ports and the public port of login servers, which a proxy on this machine may hold.
     */
    private static OwnAddresses ownAddresses(BerthConfig config) {
        OwnAddresses own = new OwnAddresses().listensOn(config.registry().publicPort());
        if (config.server().httpEnabled()) {
            own.listensOn(config.server().port());
        }
        if (config.server().tls().enabled()) {
            own.listensOn(config.server().tls().port());
        }
        return own;
    }

    /** The tiers' limits the throttle applies: theirs, or no request limits at all when throttling is off. */
    private static TierCatalog throttled(BerthConfig config) {
        TierCatalog catalog = config.tiers();
        if (config.throttling().enabled()) {
            return catalog;
        }
        for (Tier tier : Tier.values()) {
            catalog = catalog.with(tier, catalog.limits(tier).withRates(RequestRates.UNLIMITED));
        }
        return catalog;
    }

    /** The port in login servers: the configured one, else the port Berth listens on (HTTPS when plain is off). */
    private int publicPort(BerthConfig config) {
        if (config.registry().publicPort() != 0) {
            return config.registry().publicPort();
        }
        if (http == null) {
            return 0;
        }
        return config.server().httpEnabled()
                ? http.address().getPort()
                : http.tlsAddress().map(InetSocketAddress::getPort).orElse(0);
    }

    public InetSocketAddress address() {
        return http.address();
    }

    /** The HTTPS address, with the real port when 0 was asked for, if HTTPS is on. */
    public Optional<InetSocketAddress> tlsAddress() {
        return http.tlsAddress();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The registries of this installation. */
    public RegistryStore registries() {
        return registryStore;
    }

    private static WebhookDispatcher.Settings webhookSettings(BerthConfig.Webhooks webhooks) {
        WebhookDispatcher.Settings defaults = WebhookDispatcher.Settings.DEFAULTS;
        return new WebhookDispatcher.Settings(
                webhooks.timeout(),
                webhooks.retryWindow(),
                webhooks.initialBackoff(),
                webhooks.maxBackoff(),
                defaults.refreshInterval(),
                defaults.outbox());
    }

    /** Imports into the registries of this installation, for the management API's importImage. */
    public ImportService imports() {
        return imports;
    }

    private static HttpImageSources.Settings importSettings(BerthConfig.Imports imports) {
        return new HttpImageSources.Settings(Trust.system(), imports.insecureRegistries(), imports.timeout());
    }

    private <T extends Closeable> T track(T resource) {
        resources.add(resource);
        return resource;
    }

    private static SlowClients slowClients(BerthConfig.Server server) {
        BerthConfig.SlowClients slow = server.slowClients();
        return new SlowClients(slow.headerTimeout(), slow.minBodyBytesPerSecond(), slow.bodyGrace());
    }

    private static HttpServer.Settings httpSettings(BerthConfig.Server server) throws IOException {
        return new HttpServer.Settings(
                server.host(),
                server.port(),
                server.idleTimeout(),
                server.maxHeaderBytes(),
                server.shutdownGrace(),
                server.httpEnabled(),
                TlsSettings.of(server.tls()));
    }

    @Override
    public synchronized void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "error while shutting down", e);
            }
        }
        resources.clear();
    }
}
