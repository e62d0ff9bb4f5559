package dev.berth.core.spi;

import dev.berth.core.events.RequestContext;
import dev.berth.core.oci.Digest;
import dev.berth.core.oci.RepositoryName;
import dev.berth.core.oci.Tag;
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

    /** The catalog: like {@link #listWithManifests}, without the repositories whose {@code listEnabled} is off. */
    List<RepositoryName> catalog(long registryId, String last, int limit) throws IOException;

    /**
     * Empties a repository in one transaction: its manifests, tags and blob links go, and its changeable attributes
     * are reset, and a repository-delete event is appended. The repository itself (its id, its open uploads) stays,
     * holding nothing.
     */
    DeletedContent deleteContent(long repositoryId, RequestContext context) throws IOException;

    /** What {@link #deleteContent} removed: manifests by digest and tags, each in byte order. */
    record DeletedContent(List<Digest> manifests, List<Tag> tags) {}
}
