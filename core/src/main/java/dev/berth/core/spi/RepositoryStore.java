package dev.berth.core.spi;

import dev.berth.core.oci.RepositoryName;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** The repositories of each registry. A repository exists from its first upload or push. */
public interface RepositoryStore {
    Optional<Long> find(long registryId, RepositoryName name) throws IOException;

    /** The id of the repository, created if needed; safe under concurrent calls. */
    long getOrCreate(long registryId, RepositoryName name) throws IOException;

    /**
     * Names of repositories holding at least one manifest, in lexical (byte) order, after {@code last} if given.
     */
    List<RepositoryName> listWithManifests(long registryId, String last, int limit) throws IOException;
}
