package dev.berth.core.spi;

import java.io.Closeable;
import java.io.IOException;

/**
 * The facts of every registry: registries, repositories, blob links, manifests, tags, the referrers index, upload
 * sessions, changeable attributes, pull times, the storage they add up to and the outbox of events. A factory of narrow stores; each operation that must be atomic is
 * one method of one store, so callers never hold a transaction open across I/O of their own.
 */
public interface MetadataStore extends Closeable {
    RegistryStore registries();

    RepositoryStore repositories();

    BlobLinkStore blobLinks();

    ManifestStore manifests();

    TagStore tags();

    UploadStore uploads();

    IdentityStore identities();

    /** Listing and removal of identities, and roles on the whole installation, for the management API. */
    DirectoryStore directory();

    AttributeStore attributes();

    DetailStore details();

    PullStore pulls();

    /** Storage used by registries, repositories and manifests. */
    UsageStore usage();

    /** The outbox of content changes, and the cursors of those who read it. */
    EventStore events();

    /** Registries' webhooks and their delivery history. */
    WebhookStore webhooks();

    /** Registries' runs and the queue agents take them from. */
    RunStore runs();

    /** Whether the store can serve requests now. */
    void check() throws IOException;
}
