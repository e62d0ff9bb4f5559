package dev.berth.core.registry;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.spi.RepositoryStore;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves repository references to ids, remembering the ones it has seen: every request resolves one, and ids never
 * change while a repository exists.
 */
public final class Repositories {
    private final RepositoryStore store;
    private final Map<RepositoryRef, Long> ids = new ConcurrentHashMap<>();

    public Repositories(RepositoryStore store) {
        this.store = store;
    }

    public Optional<Long> find(RepositoryRef ref) throws IOException {
        Long cached = ids.get(ref);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Long> found = store.find(ref.registry().id(), ref.name());
        found.ifPresent(id -> ids.put(ref, id));
        return found;
    }

    /** The id of an existing repository, or {@link ErrorCode#NAME_UNKNOWN}. */
    public long require(RepositoryRef ref) throws IOException {
        return find(ref)
                .orElseThrow(() -> new RegistryException(
                        ErrorCode.NAME_UNKNOWN, "repository name not known to registry: " + ref.name()));
    }

    public long getOrCreate(RepositoryRef ref) throws IOException {
        Optional<Long> found = find(ref);
        if (found.isPresent()) {
            return found.get();
        }
        long id = store.getOrCreate(ref.registry().id(), ref.name());
        ids.put(ref, id);
        return id;
    }
}
