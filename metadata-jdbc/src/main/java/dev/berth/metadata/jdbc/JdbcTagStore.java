package dev.berth.metadata.jdbc;

import dev.berth.core.events.EventAction;
import dev.berth.core.events.EventTarget;
import dev.berth.core.events.RequestContext;
import dev.berth.core.oci.Tag;
import dev.berth.core.spi.TagStore;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

final class JdbcTagStore implements TagStore {
    private final Database database;
    private final EventRows events;

    JdbcTagStore(Database database, EventRows events) {
        this.database = database;
        this.events = events;
    }

    @Override
    public List<Tag> list(long repositoryId, String last, int limit) throws IOException {
        return database.read(c -> Sql.query(
                c,
                "SELECT name FROM tags WHERE repository_id = ? AND name > ? ORDER BY name LIMIT ?",
                row -> new Tag(row.getString(1)),
                repositoryId,
                last == null ? "" : last,
                limit));
    }

    @Override
    public List<Tag> listed(long repositoryId, String last, int limit) throws IOException {
        return database.read(c -> Sql.query(
                c,
                "SELECT t.name FROM tags t JOIN repositories r ON r.id = t.repository_id"
                        + " WHERE t.repository_id = ? AND t.name > ? AND t.list_enabled = TRUE"
                        + " AND r.list_enabled = TRUE ORDER BY t.name LIMIT ?",
                row -> new Tag(row.getString(1)),
                repositoryId,
                last == null ? "" : last,
                limit));
    }

    @Override
    public boolean delete(long repositoryId, Tag tag, RequestContext context) throws IOException {
        return database.write(c -> {
            Optional<Untagged> untagged = Sql.first(
                    c,
                    "SELECT t.digest, m.media_type FROM tags t LEFT JOIN manifests m"
                            + " ON m.repository_id = t.repository_id AND m.digest = t.digest"
                            + " WHERE t.repository_id = ? AND t.name = ?",
                    row -> new Untagged(row.getString(1), row.getString(2)),
                    repositoryId,
                    tag.value());
            if (untagged.isEmpty()) {
                return false;
            }
            Sql.update(c, "DELETE FROM tags WHERE repository_id = ? AND name = ?", repositoryId, tag.value());
            events.append(
                    c,
                    repositoryId,
                    EventAction.TAG_DELETE,
                    repository -> new EventTarget(
                            untagged.get().mediaType(), null, untagged.get().digest(), null, repository, tag.value()),
                    context);
            return true;
        });
    }

    /** What a removed tag pointed at. */
    private record Untagged(String digest, String mediaType) {}
}
