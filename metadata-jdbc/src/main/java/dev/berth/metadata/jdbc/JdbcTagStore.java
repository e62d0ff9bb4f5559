package dev.berth.metadata.jdbc;

import dev.berth.core.oci.Tag;
import dev.berth.core.spi.TagStore;
import java.io.IOException;
import java.util.List;

final class JdbcTagStore implements TagStore {
    private final Database database;

    JdbcTagStore(Database database) {
        this.database = database;
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
    public boolean delete(long repositoryId, Tag tag) throws IOException {
        return database.write(c -> Sql.update(
                        c, "DELETE FROM tags WHERE repository_id = ? AND name = ?", repositoryId, tag.value()))
                > 0;
    }
}
