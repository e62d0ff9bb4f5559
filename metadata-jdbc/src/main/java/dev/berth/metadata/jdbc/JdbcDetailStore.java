package dev.berth.metadata.jdbc;

import dev.berth.core.oci.Digest;
import dev.berth.core.oci.Tag;
import dev.berth.core.quarantine.Quarantine;
import dev.berth.core.spi.DetailStore;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The metadata API's views, read from the same tables the data plane writes. */
final class JdbcDetailStore implements DetailStore {
    private static final String LISTED = " AND r.list_enabled = TRUE";
    private static final String TAG_COLUMNS = "SELECT t.name, t.digest, t.created_at, t.updated_at, t.last_pulled_at, "
            + AttributeColumns.of("t") + " FROM tags t";
    private static final String MANIFEST_COLUMNS =
            "SELECT m.digest, m.media_type, m.size, m.created_at, m.updated_at, m.last_pulled_at, "
                    + ImageFactsColumns.of("m") + ", " + AttributeColumns.of("m")
                    + ", m.quarantine_state, m.quarantine_details FROM manifests m";

    private final Database database;
    private final ManifestTags manifestTags = new ManifestTags();
    private final DetailOrder tagOrder = new DetailOrder("tags", "t", "name");
    private final DetailOrder manifestOrder = new DetailOrder("manifests", "m", "digest");

    JdbcDetailStore(Database database) {
        this.database = database;
    }

    @Override
    public Optional<RepositoryDetails> repository(long repositoryId) throws IOException {
        return database.read(c -> Sql.first(
                        c,
                        "SELECT r.created_at, " + AttributeColumns.of("r") + ","
                                + " (SELECT COUNT(*) FROM manifests m WHERE m.repository_id = r.id),"
                                + " (SELECT COUNT(*) FROM tags t WHERE t.repository_id = r.id),"
                                + " (SELECT MAX(m.updated_at) FROM manifests m WHERE m.repository_id = r.id),"
                                + " (SELECT MAX(t.updated_at) FROM tags t WHERE t.repository_id = r.id)"
                                + " FROM repositories r WHERE r.id = ?",
                        JdbcDetailStore::repository,
                        repositoryId))
                .filter(r -> r.manifestCount() > 0);
    }

    private static RepositoryDetails repository(ResultSet row) throws SQLException {
        Instant created = Instant.ofEpochMilli(row.getLong(1));
        long updated = Math.max(Math.max(row.getLong(1), row.getLong(8)), row.getLong(9));
        return new RepositoryDetails(
                created, Instant.ofEpochMilli(updated), row.getLong(6), row.getLong(7), AttributeColumns.read(row, 2));
    }

    @Override
    public List<TagDetails> tags(long repositoryId, Query query, Optional<Digest> pointingAt) throws IOException {
        return database.read(c -> {
            Optional<DetailOrder.Condition> after = tagOrder.after(c, repositoryId, query);
            if (after.isEmpty()) {
                return List.of();
            }
            List<Object> parameters = new ArrayList<>(List.of(repositoryId));
            pointingAt.ifPresent(d -> parameters.add(d.toString()));
            parameters.addAll(after.get().parameters());
            parameters.add(query.limit());
            return Sql.query(
                    c,
                    TAG_COLUMNS + " JOIN repositories r ON r.id = t.repository_id WHERE t.repository_id = ?"
                            + " AND t.list_enabled = TRUE" + LISTED
                            + (pointingAt.isPresent() ? " AND t.digest = ?" : "")
                            + after.get().sql() + tagOrder.orderBy(query.order()) + " LIMIT ?",
                    JdbcDetailStore::tag,
                    parameters.toArray());
        });
    }

    @Override
    public Optional<TagDetails> tag(long repositoryId, Tag tag) throws IOException {
        return database.read(c -> Sql.first(
                c,
                TAG_COLUMNS + " WHERE t.repository_id = ? AND t.name = ?",
                JdbcDetailStore::tag,
                repositoryId,
                tag.value()));
    }

    private static TagDetails tag(ResultSet row) throws SQLException {
        return new TagDetails(
                new Tag(row.getString(1)),
                Digest.parse(row.getString(2)),
                Instant.ofEpochMilli(row.getLong(3)),
                Instant.ofEpochMilli(row.getLong(4)),
                instant(row, 5),
                AttributeColumns.read(row, 6));
    }

    @Override
    public List<ManifestDetails> manifests(long repositoryId, Query query) throws IOException {
        return database.read(c -> {
            Optional<DetailOrder.Condition> after = manifestOrder.after(c, repositoryId, query);
            if (after.isEmpty()) {
                return List.of();
            }
            List<Object> parameters = new ArrayList<>(List.of(repositoryId));
            parameters.addAll(after.get().parameters());
            parameters.add(query.limit());
            List<ManifestDetails> found = Sql.query(
                    c,
                    MANIFEST_COLUMNS + " JOIN repositories r ON r.id = m.repository_id WHERE m.repository_id = ?"
                            + " AND m.list_enabled = TRUE" + LISTED
                            + after.get().sql() + manifestOrder.orderBy(query.order()) + " LIMIT ?",
                    JdbcDetailStore::manifest,
                    parameters.toArray());
            return manifestTags.attach(c, repositoryId, found);
        });
    }

    @Override
    public Optional<ManifestDetails> manifest(long repositoryId, Digest digest) throws IOException {
        return database.read(c -> {
            Optional<ManifestDetails> found = Sql.first(
                    c,
                    MANIFEST_COLUMNS + " WHERE m.repository_id = ? AND m.digest = ?",
                    JdbcDetailStore::manifest,
                    repositoryId,
                    digest.toString());
            if (found.isEmpty()) {
                return found;
            }
            return Optional.of(
                    manifestTags.attach(c, repositoryId, List.of(found.get())).getFirst());
        });
    }

    private static ManifestDetails manifest(ResultSet row) throws SQLException {
        return new ManifestDetails(
                Digest.parse(row.getString(1)),
                row.getString(2),
                row.getLong(3),
                Instant.ofEpochMilli(row.getLong(4)),
                Instant.ofEpochMilli(row.getLong(5)),
                instant(row, 6),
                ImageFactsColumns.read(row, 7),
                List.of(),
                AttributeColumns.read(row, 12),
                quarantine(row, 16));
    }

    private static Optional<Quarantine> quarantine(ResultSet row, int first) throws SQLException {
        Optional<Quarantine.State> state =
                Optional.ofNullable(row.getString(first)).flatMap(Quarantine.State::byWireName);
        if (state.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Quarantine(state.get(), row.getString(first + 1)));
    }

    private static Optional<Instant> instant(ResultSet row, int column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }
}
