package dev.berth.core.registry;

import dev.berth.core.events.EventSignal;
import dev.berth.core.events.RequestContext;
import dev.berth.core.lock.ChangeableAttributes;
import dev.berth.core.spi.MetadataStore;
import dev.berth.core.spi.RepositoryStore.DeletedContent;
import java.io.IOException;

/**
 * Deleting a whole repository, as ACR's metadata API does: every manifest and tag in it, and its blob links. Refused
 * while the repository or anything in it is locked against deletion. The repository then holds nothing, which makes
 * it unknown, and its attributes start over as {@link ChangeableAttributes#DEFAULT} should it be pushed to again.
 */
public final class RepositoryDeletion {
    private final MetadataStore metadata;
    private final InventoryService inventory;
    private final Locks locks;
    private final EventSignal events;

    RepositoryDeletion(MetadataStore metadata, InventoryService inventory, Locks locks, EventSignal events) {
        this.metadata = metadata;
        this.inventory = inventory;
        this.locks = locks;
        this.events = events;
    }

    /**
     * Deletes the repository's content, with its event made in the {@link RequestContext#current() current request
     * context}; returns what went.
     */
    public DeletedContent delete(RepositoryRef repo) throws IOException {
        long id = inventory.existing(repo);
        locks.checkRepositoryDelete(repo, id);
        DeletedContent deleted = metadata.repositories().deleteContent(id, RequestContext.current());
        events.committed();
        return deleted;
    }
}
