package dev.berth.metadata.jdbc;

import dev.berth.core.events.EventAction;
import dev.berth.core.events.EventTarget;
import dev.berth.core.events.RequestContext;
import dev.berth.core.oci.Digest;
import dev.berth.core.oci.RepositoryName;
import dev.berth.core.oci.Tag;
import dev.berth.core.spi.RepositoryStore;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

final class JdbcRepositoryStore implements RepositoryStore {
    private static final String SELECT_ID = "SELECT id FROM repositories WHERE registry_id = ? AND name = ?";
    /** What a repository holds, children first. */
    private static final List<String> CONTENT = List.of("tags", "manifest_references", "manifests", "blob_links");

    private static final String RESET_ATTRIBUTES =
            "delete_enabled = TRUE, write_enabled = TRUE, read_enabled = TRUE, list_enabled = TRUE";

    private final Database database;
    private final Clock clock;
    private final EventRows events;

    JdbcRepositoryStore(Database database, Clock clock, EventRows events) {
        this.database = database;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public Optional<Long> find(long registryId, RepositoryName name) throws IOException {
        return database.read(c -> selectId(c, registryId, name));
    }

    @Override
    public long getOrCreate(long registryId, RepositoryName name) throws IOException {
        return database.write(c -> {
            Sql.update(
                    c,
                    "INSERT INTO repositories (registry_id, name, created_at) VALUES (?, ?, ?)"
                            + " ON CONFLICT (registry_id, name) DO NOTHING",
                    registryId,
                    name.value(),
                    clock.millis());
            return selectId(c, registryId, name).orElseThrow();
        });
    }

    @Override
    public List<RepositoryName> listWithManifests(long registryId, String last, int limit) throws IOException {
        return list(registryId, last, limit, "");
    }

    @Override
    public List<RepositoryName> catalog(long registryId, String last, int limit) throws IOException {
        return list(registryId, last, limit, " AND r.list_enabled = TRUE");
    }

    private List<RepositoryName> list(long registryId, String last, int limit, String condition) throws IOException {
        return database.read(c -> Sql.query(
                c,
                "SELECT r.name FROM repositories r WHERE r.registry_id = ? AND r.name > ?" + condition
                        + " AND EXISTS (SELECT 1 FROM manifests m WHERE m.repository_id = r.id)"
                        + " ORDER BY r.name LIMIT ?",
                row -> new RepositoryName(row.getString(1)),
                registryId,
                last == null ? "" : last,
                limit));
    }

    @Override
    public DeletedContent deleteContent(long repositoryId, RequestContext context) throws IOException {
        return database.write(c -> {
            List<Digest> manifests = Sql.query(
                    c,
                    "SELECT digest FROM manifests WHERE repository_id = ? ORDER BY digest",
                    row -> Digest.parse(row.getString(1)),
                    repositoryId);
            List<Tag> tags = Sql.query(
                    c,
                    "SELECT name FROM tags WHERE repository_id = ? ORDER BY name",
                    row -> new Tag(row.getString(1)),
                    repositoryId);
            for (String table : CONTENT) {
                Sql.update(c, "DELETE FROM " + table + " WHERE repository_id = ?", repositoryId);
            }
            Sql.update(c, "UPDATE repositories SET " + RESET_ATTRIBUTES + " WHERE id = ?", repositoryId);
            if (!manifests.isEmpty() || !tags.isEmpty()) {
                events.append(
                        c,
                        repositoryId,
                        EventAction.REPOSITORY_DELETE,
                        repository -> new EventTarget(null, null, null, null, repository, null),
                        context);
            }
            return new DeletedContent(manifests, tags);
        });
    }

    private static Optional<Long> selectId(Connection c, long registryId, RepositoryName name) throws SQLException {
        return Sql.first(c, SELECT_ID, row -> row.getLong(1), registryId, name.value());
    }
}
