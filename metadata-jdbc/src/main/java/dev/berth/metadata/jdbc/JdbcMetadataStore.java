package dev.berth.metadata.jdbc;

import dev.berth.core.spi.AttributeStore;
import dev.berth.core.spi.BlobLinkStore;
import dev.berth.core.spi.DetailStore;
import dev.berth.core.spi.DirectoryStore;
import dev.berth.core.spi.EventStore;
import dev.berth.core.spi.IdentityStore;
import dev.berth.core.spi.ManifestStore;
import dev.berth.core.spi.MetadataStore;
import dev.berth.core.spi.PullStore;
import dev.berth.core.spi.RegistryStore;
import dev.berth.core.spi.RepositoryStore;
import dev.berth.core.spi.RunStore;
import dev.berth.core.spi.TagStore;
import dev.berth.core.spi.UploadStore;
import dev.berth.core.spi.UsageStore;
import dev.berth.core.spi.WebhookStore;
import java.io.IOException;
import java.time.Clock;

/** The metadata store on any {@link Database}; the SQL is the same for every dialect. */
public final class JdbcMetadataStore implements MetadataStore {
    private final Database database;
    private final RegistryStore registries;
    private final RepositoryStore repositories;
    private final BlobLinkStore blobLinks;
    private final ManifestStore manifests;
    private final TagStore tags;
    private final UploadStore uploads;
    private final IdentityStore identities;
    private final DirectoryStore directory;
    private final AttributeStore attributes;
    private final DetailStore details;
    private final PullStore pulls;
    private final UsageStore usage;
    private final EventStore events;
    private final WebhookStore webhooks;
    private final RunStore runs;

    public JdbcMetadataStore(Database database, Clock clock) {
        this.database = database;
        EventRows eventRows = new EventRows(clock);
        this.registries = new JdbcRegistryStore(database, clock);
        this.repositories = new JdbcRepositoryStore(database, clock, eventRows);
        this.blobLinks = new JdbcBlobLinkStore(database, clock);
        this.manifests = new JdbcManifestStore(database, clock, eventRows);
        this.tags = new JdbcTagStore(database, eventRows);
        this.uploads = new JdbcUploadStore(database, clock);
        this.identities = new JdbcIdentityStore(database, clock);
        this.directory = new JdbcDirectoryStore(database, clock);
        this.attributes = new JdbcAttributeStore(database);
        this.details = new JdbcDetailStore(database);
        this.pulls = new JdbcPullStore(database);
        this.usage = new JdbcUsageStore(database);
        this.events = new JdbcEventStore(database);
        this.webhooks = new JdbcWebhookStore(database);
        this.runs = new JdbcRunStore(database);
    }

    @Override
    public RegistryStore registries() {
        return registries;
    }

    @Override
    public RepositoryStore repositories() {
        return repositories;
    }

    @Override
    public BlobLinkStore blobLinks() {
        return blobLinks;
    }

    @Override
    public ManifestStore manifests() {
        return manifests;
    }

    @Override
    public TagStore tags() {
        return tags;
    }

    @Override
    public UploadStore uploads() {
        return uploads;
    }

    @Override
    public IdentityStore identities() {
        return identities;
    }

    @Override
    public DirectoryStore directory() {
        return directory;
    }

    @Override
    public AttributeStore attributes() {
        return attributes;
    }

    @Override
    public DetailStore details() {
        return details;
    }

    @Override
    public PullStore pulls() {
        return pulls;
    }

    @Override
    public UsageStore usage() {
        return usage;
    }

    @Override
    public WebhookStore webhooks() {
        return webhooks;
    }

    @Override
    public RunStore runs() {
        return runs;
    }

    @Override
    public EventStore events() {
        return events;
    }

    @Override
    public void check() throws IOException {
        database.read(c -> {
            try (var s = c.createStatement()) {
                s.execute("SELECT 1");
            }
            return null;
        });
    }

    @Override
    public void close() throws IOException {
        database.close();
    }
}
