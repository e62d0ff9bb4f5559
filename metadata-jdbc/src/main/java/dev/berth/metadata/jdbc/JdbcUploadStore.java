package dev.berth.metadata.jdbc;

import dev.berth.core.oci.Digest;
import dev.berth.core.spi.UploadStore;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

final class JdbcUploadStore implements UploadStore {
    private final Database database;
    private final Clock clock;

    JdbcUploadStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public void create(UploadSession session) throws IOException {
        database.write(c -> Sql.update(
                c,
                "INSERT INTO uploads (id, repository_id, started_at) VALUES (?, ?, ?)",
                session.id(),
                session.repositoryId(),
                session.startedAt().toEpochMilli()));
    }

    @Override
    public Optional<UploadSession> find(String uploadId) throws IOException {
        return database.read(c -> Sql.first(
                c,
                "SELECT id, repository_id, started_at FROM uploads WHERE id = ?",
                JdbcUploadStore::session,
                uploadId));
    }

    @Override
    public void delete(String uploadId) throws IOException {
        database.write(c -> Sql.update(c, "DELETE FROM uploads WHERE id = ?", uploadId));
    }

    @Override
    public void finish(String uploadId, long repositoryId, Digest digest, long size) throws IOException {
        database.write(c -> {
            Sql.update(
                    c,
                    "INSERT INTO blob_links (repository_id, digest, size, created_at) VALUES (?, ?, ?, ?)"
                            + " ON CONFLICT (repository_id, digest) DO NOTHING",
                    repositoryId,
                    digest.toString(),
                    size,
                    clock.millis());
            return Sql.update(c, "DELETE FROM uploads WHERE id = ?", uploadId);
        });
    }

    @Override
    public List<UploadSession> startedBefore(Instant cutoff) throws IOException {
        return database.read(c -> Sql.query(
                c,
                "SELECT id, repository_id, started_at FROM uploads WHERE started_at < ? ORDER BY started_at LIMIT 10000",
                JdbcUploadStore::session,
                cutoff.toEpochMilli()));
    }

    private static UploadSession session(ResultSet row) throws SQLException {
        return new UploadSession(row.getString(1), row.getLong(2), Instant.ofEpochMilli(row.getLong(3)));
    }
}
