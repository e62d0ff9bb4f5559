package dev.berth.metadata.jdbc;

import dev.berth.core.lock.AttributeUpdate;
import dev.berth.core.lock.ChangeableAttributes;
import dev.berth.core.lock.Lockable;
import dev.berth.core.oci.Digest;
import dev.berth.core.oci.Tag;
import dev.berth.core.spi.AttributeStore;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Changeable attributes in the columns of the rows they belong to; see {@link AttributeColumns}. */
final class JdbcAttributeStore implements AttributeStore {
    private static final String UNDELETABLE =
            " WHERE repository_id = ? AND (delete_enabled = FALSE" + " OR write_enabled = FALSE) ORDER BY 1 LIMIT 1";

    private final Database database;

    JdbcAttributeStore(Database database) {
        this.database = database;
    }

    @Override
    public Attributes read(long repositoryId, Optional<Tag> tag, Optional<Digest> manifest) throws IOException {
        return database.read(c -> Sql.first(
                        c,
                        "SELECT " + AttributeColumns.of("r") + ", " + AttributeColumns.of("t") + ", "
                                + AttributeColumns.of("m") + " FROM repositories r"
                                + " LEFT JOIN tags t ON t.repository_id = r.id AND t.name = ?"
                                + " LEFT JOIN manifests m ON m.repository_id = r.id AND m.digest = ?"
                                + " WHERE r.id = ?",
                        row -> new Attributes(
                                AttributeColumns.read(row, 1),
                                AttributeColumns.readOptional(row, 5),
                                AttributeColumns.readOptional(row, 9)),
                        tag.map(Tag::value).orElse(null),
                        manifest.map(Digest::toString).orElse(null),
                        repositoryId))
                .orElse(new Attributes(ChangeableAttributes.DEFAULT, Optional.empty(), Optional.empty()));
    }

    @Override
    public Map<Tag, ChangeableAttributes> tagsOn(long repositoryId, Digest manifest) throws IOException {
        List<Map.Entry<Tag, ChangeableAttributes>> rows = database.read(c -> Sql.query(
                c,
                "SELECT name, " + AttributeColumns.COLUMNS
                        + " FROM tags WHERE repository_id = ? AND digest = ? ORDER BY name",
                row -> Map.entry(new Tag(row.getString(1)), AttributeColumns.read(row, 2)),
                repositoryId,
                manifest.toString()));
        Map<Tag, ChangeableAttributes> tags = new LinkedHashMap<>();
        rows.forEach(e -> tags.put(e.getKey(), e.getValue()));
        return tags;
    }

    @Override
    public Optional<Locked> firstUndeletable(long repositoryId) throws IOException {
        return database.read(c -> {
            Optional<Locked> tag = Sql.first(
                    c,
                    "SELECT name, " + AttributeColumns.COLUMNS + " FROM tags" + UNDELETABLE,
                    row -> new Locked(Lockable.TAG, row.getString(1), AttributeColumns.read(row, 2)),
                    repositoryId);
            if (tag.isPresent()) {
                return tag;
            }
            return Sql.first(
                    c,
                    "SELECT digest, " + AttributeColumns.COLUMNS + " FROM manifests" + UNDELETABLE,
                    row -> new Locked(Lockable.MANIFEST, row.getString(1), AttributeColumns.read(row, 2)),
                    repositoryId);
        });
    }

    @Override
    public ChangeableAttributes updateRepository(long repositoryId, AttributeUpdate update) throws IOException {
        return database.write(c -> update(c, "repositories", "id = ?", update, repositoryId))
                .orElse(ChangeableAttributes.DEFAULT);
    }

    @Override
    public Optional<ChangeableAttributes> updateTag(long repositoryId, Tag tag, AttributeUpdate update)
            throws IOException {
        return database.write(
                c -> update(c, "tags", "repository_id = ? AND name = ?", update, repositoryId, tag.value()));
    }

    @Override
    public Optional<ChangeableAttributes> updateManifest(long repositoryId, Digest digest, AttributeUpdate update)
            throws IOException {
        return database.write(c ->
                update(c, "manifests", "repository_id = ? AND digest = ?", update, repositoryId, digest.toString()));
    }

    /** Applies the update to the row the condition selects and reads it back; empty when there is no such row. */
    private static Optional<ChangeableAttributes> update(
            Connection c, String table, String condition, AttributeUpdate update, Object... key) throws SQLException {
        if (!update.isEmpty()) {
            Sql.update(
                    c,
                    "UPDATE " + table + " SET " + AttributeColumns.assignments(update) + " WHERE " + condition,
                    AttributeColumns.parameters(update, key));
        }
        return Sql.first(
                c,
                "SELECT " + AttributeColumns.COLUMNS + " FROM " + table + " WHERE " + condition,
                row -> AttributeColumns.read(row, 1),
                key);
    }
}
